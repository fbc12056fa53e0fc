"""Form pieces every app shares."""

from django import forms

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
