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
