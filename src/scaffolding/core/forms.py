"""Form pieces every app shares."""

from django import forms
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

ISO_DATE = "%Y-%m-%d"


class DateInput(forms.DateInput):
    """A browser date picker.

    `<input type="date">` only understands ISO dates (yyyy-mm-dd). Django would
    otherwise render the en-GB format (11/12/2026), which browsers show as an empty
    box, so a record saved again without a change would lose its dates.
    """

    input_type = "date"

    def __init__(self, attrs=None, format=None):  # noqa: A002 - Django's own argument name
        super().__init__(attrs, format=format or ISO_DATE)


class PartnershipFormMixin:
    """A form for one partnership's records: given the partnership one way, `partnership=`.

    Model forms have it stamped on their instance before the model is validated, so
    uniqueness checks and the save both see it, and it never comes from what was posted.
    Put the mixin first: `class LocalRuleForm(PartnershipFormMixin, forms.ModelForm)`.
    """

    def __init__(self, *args, partnership, **kwargs):
        self.partnership = partnership
        super().__init__(*args, **kwargs)

    @property
    def partnership_id(self) -> int:
        return self.partnership.pk

    def _post_clean(self):
        instance = getattr(self, "instance", None)
        if instance is not None and any(
            field.name == "partnership" for field in instance._meta.concrete_fields
        ):
            instance.partnership = self.partnership
        super()._post_clean()


class QuickSelect(forms.Select):
    """A drop-down whose options are written in one pass rather than a template each.

    A national partnership has tens of thousands of supervisors to choose from: the
    template for each option took seconds (3 s for 22,000 names). This writes the same
    markup, escaped, in milliseconds. No option groups.
    """

    template_name = "core/widgets/quick_select.html"

    def get_context(self, name, value, attrs):
        context = forms.Widget.get_context(self, name, value, attrs)
        chosen = set(self.format_value(value))
        context["widget"]["options"] = format_html_join(
            "\n",
            '<option value="{}"{}>{}</option>',
            (
                (choice, mark_safe(" selected") if str(choice) in chosen else "", label)  # noqa: S308 - a fixed attribute
                for choice, label in self.choices
            ),
        )
        return context
