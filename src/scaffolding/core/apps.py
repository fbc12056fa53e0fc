from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "scaffolding.core"
    label = "core"

    navigation = []
