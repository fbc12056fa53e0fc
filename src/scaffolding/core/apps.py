from django.apps import AppConfig

# One kind wording for a missing answer on every form, instead of Django's
# "This field is required." The error summary puts the question's label first.
FILL_IN = "Please fill this in."
CHOOSE = "Please choose an answer."


class CoreConfig(AppConfig):
    name = "scaffolding.core"
    label = "core"

    navigation = []

    def ready(self):
        from django import forms

        forms.Field.default_error_messages = {
            **forms.Field.default_error_messages,
            "required": FILL_IN,
        }
        forms.ChoiceField.default_error_messages = {
            **forms.ChoiceField.default_error_messages,
            "required": CHOOSE,
        }
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
