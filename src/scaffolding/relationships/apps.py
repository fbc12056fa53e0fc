from django.apps import AppConfig


class RelationshipsConfig(AppConfig):
    name = "scaffolding.relationships"
    label = "relationships"
    verbose_name = "Relationships that matter"
    navigation = []

    def ready(self):
        from . import signals  # noqa: F401  (listens to the workforce register)
