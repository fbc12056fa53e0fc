from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "scaffolding.core"
    label = "core"

    navigation = []

    def ready(self):
        cap_free_text()


def cap_free_text():
    """Every long text box has a length people actually write (FREE_TEXT_MAX_CHARS).

    Model TextFields have no length of their own; their form fields get one here,
    so a too-long entry is refused next to the field, in every app, with no
    migration. A form that sets its own max_length keeps it.
    """
    from django.conf import settings
    from django.db import models

    original = models.TextField.formfield
    if getattr(original, "capped", False):
        return

    def formfield(self, **kwargs):
        if not self.choices:
            kwargs.setdefault("max_length", self.max_length or settings.FREE_TEXT_MAX_CHARS)
        return original(self, **kwargs)

    formfield.capped = True
    models.TextField.formfield = formfield
