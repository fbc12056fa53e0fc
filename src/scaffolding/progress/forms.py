from django import forms

from scaffolding.accounts.models import Organisation
from scaffolding.core.forms import DateInput, PartnershipFormMixin

from . import framework_files as ff
from .models import (
    Assessment,
    Consent,
    Framework,
    FrameworkItem,
    Initiative,
    Measure,
    MeasurePoint,
    Story,
)


class NoBlankRadiosMixin:
    """Radios never offer Django's '---------' choice: a person picks a real answer."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            # Plain choice fields only: CheckboxSelectMultiple is a RadioSelect too, and
            # fixing a model field's choices here would freeze its queryset before the
            # form narrows it to the partnership.
            if (
                type(field.widget) is forms.RadioSelect
                and isinstance(field, forms.TypedChoiceField)
                and not isinstance(field, forms.ModelChoiceField)
            ):
                field.choices = [(value, label) for value, label in field.choices if value != ""]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class ItemChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.framework.title} – {obj.label}"


class FrameworkForm(PartnershipFormMixin, NoBlankRadiosMixin, forms.ModelForm):
    class Meta:
        model = Framework
        fields = ["title", "name", "kind", "source"]
        widgets = {"kind": forms.RadioSelect, "source": forms.Textarea(attrs={"rows": 3})}

    def clean_name(self):
        name = self.cleaned_data["name"]
        clash = Framework.objects.in_partnership(self.partnership_id).filter(name=name)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError("Another framework in your partnership has this name.")
        return name


class FrameworkItemForm(NoBlankRadiosMixin, forms.ModelForm):
    lead_organisations_text = forms.CharField(
        label="Lead organisations",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One organisation on each line.",
    )
    heard = forms.CharField(label=ff.PART_HEADINGS["heard"], required=False, widget=forms.Textarea)
    committed = forms.CharField(
        label=ff.PART_HEADINGS["committed"], required=False, widget=forms.Textarea
    )
    leads = forms.CharField(label=ff.PART_HEADINGS["leads"], required=False, widget=forms.Textarea)
    next_steps = forms.CharField(
        label=ff.PART_HEADINGS["next_steps"], required=False, widget=forms.Textarea
    )

    class Meta:
        model = FrameworkItem
        fields = ["foundation", "number", "code", "theme", "title", "text"]
        widgets = {"foundation": forms.RadioSelect, "text": forms.Textarea(attrs={"rows": 4})}
        labels = {"theme": "Theme heading", "text": "What is called for"}

    def __init__(self, *args, framework, **kwargs):
        self.framework = framework
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["lead_organisations_text"].initial = "\n".join(
                self.instance.lead_organisations
            )
            for key in ff.PART_KEYS:
                self.fields[key].initial = self.instance.parts.get(key, "")

    def clean(self):
        cleaned = super().clean()
        siblings = FrameworkItem.objects.filter(framework=self.framework)
        if self.instance.pk:
            siblings = siblings.exclude(pk=self.instance.pk)
        code, foundation, number = (
            cleaned.get("code"),
            cleaned.get("foundation"),
            cleaned.get("number"),
        )
        if code and siblings.filter(code=code).exists():
            self.add_error("code", f"Another item in this framework has the code {code!r}.")
        if foundation and number and siblings.filter(foundation=foundation, number=number).exists():
            self.add_error(
                "number",
                f"{dict(ff.FOUNDATIONS)[foundation]} {number} is already in this framework.",
            )
        if number is not None and number < 1:
            self.add_error("number", "Use a whole number of 1 or more.")
        return cleaned

    def save(self, commit=True):
        item = self.instance
        item.framework = self.framework
        item.lead_organisations = _lines(self.cleaned_data["lead_organisations_text"])
        item.parts = {
            key: self.cleaned_data[key].strip()
            for key in ff.PART_KEYS
            if self.cleaned_data[key].strip()
        }
        return super().save(commit)


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Framework file",
        help_text="A .yaml, .yml or .csv file in UTF-8, up to 2 MB. A framework with the same "
        "short name is updated; nothing is deleted.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = upload.name.lower()
        if not name.endswith((".yaml", ".yml", ".csv")):
            raise forms.ValidationError("Choose a .yaml, .yml or .csv file.")
        if upload.size > ff.MAX_BYTES:
            raise forms.ValidationError("The file is larger than 2 MB.")
        try:
            text = upload.read().decode("utf-8")
        except UnicodeDecodeError:
            raise forms.ValidationError(
                "The file is not UTF-8 text. Save it as UTF-8 and try again."
            ) from None
        try:
            self.framework = ff.parse_csv(text) if name.endswith(".csv") else ff.parse_yaml(text)
        except ff.FrameworkFileError as error:
            self.file_errors = error.errors
            raise forms.ValidationError(
                f"The file has {len(error.errors)} "
                f"problem{'s' if len(error.errors) != 1 else ''}; nothing was saved. "
                "They are listed below."
            ) from None
        return upload


class AssessmentForm(NoBlankRadiosMixin, forms.ModelForm):
    class Meta:
        model = Assessment
        fields = ["assessed_on", "status", "required", "heard", "committed", "leads", "next_steps"]
        widgets = {
            "assessed_on": DateInput,
            "status": forms.RadioSelect,
            **{
                key: forms.Textarea(attrs={"rows": 4})
                for key in ("required", "heard", "committed", "leads", "next_steps")
            },
        }


def _partnership_items(partnership):
    return FrameworkItem.objects.in_partnership(partnership.pk).select_related("framework")


class InitiativeForm(PartnershipFormMixin, NoBlankRadiosMixin, forms.ModelForm):
    items = ItemChoiceField(
        queryset=FrameworkItem.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Calls to action and outcomes it serves",
    )

    class Meta:
        model = Initiative
        fields = [
            "name",
            "description",
            "status",
            "lead_organisation",
            "partner_organisations",
            "start_date",
            "end_date",
            "funding_source",
            "items",
        ]
        widgets = {
            "status": forms.RadioSelect,
            "partner_organisations": forms.CheckboxSelectMultiple,
            "start_date": DateInput,
            "end_date": DateInput,
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = Organisation.objects.in_partnership(self.partnership_id)
        self.fields["lead_organisation"].queryset = organisations
        self.fields["partner_organisations"].queryset = organisations
        self.fields["items"].queryset = _partnership_items(self.partnership)


class MeasureForm(PartnershipFormMixin, NoBlankRadiosMixin, forms.ModelForm):
    items = ItemChoiceField(
        queryset=FrameworkItem.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Calls to action it is evidence for",
    )

    class Meta:
        model = Measure
        fields = [
            "name",
            "question",
            "unit",
            "higher_is_better",
            "baseline",
            "target",
            "source",
            "items",
            "initiatives",
        ]
        widgets = {"question": forms.RadioSelect, "initiatives": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["items"].queryset = _partnership_items(self.partnership)
        self.fields["initiatives"].queryset = Initiative.objects.in_partnership(self.partnership_id)


class MeasurePointForm(forms.ModelForm):
    class Meta:
        model = MeasurePoint
        fields = ["on", "value", "note"]
        widgets = {"on": DateInput}
        help_texts = {"note": "Anything a reader should know about this number."}

    def __init__(self, *args, measure, **kwargs):
        self.measure = measure
        super().__init__(*args, **kwargs)

    def clean_on(self):
        on = self.cleaned_data["on"]
        if MeasurePoint.objects.filter(measure=self.measure, on=on).exists():
            raise forms.ValidationError("There is already a value for this date.")
        return on

    def save(self, commit=True):
        self.instance.measure = self.measure
        return super().save(commit)


class StoryForm(PartnershipFormMixin, NoBlankRadiosMixin, forms.ModelForm):
    items = ItemChoiceField(
        queryset=FrameworkItem.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Calls to action it speaks to",
    )

    class Meta:
        model = Story
        fields = [
            "title",
            "text",
            "kind",
            "voice",
            "recorded_on",
            "consent",
            "anonymised",
            "visibility",
            "items",
            "initiatives",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "voice": forms.RadioSelect,
            "consent": forms.RadioSelect,
            "visibility": forms.RadioSelect,
            "recorded_on": DateInput,
            "initiatives": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "consent": "Record words only with the person's involvement and consent. Until "
            "consent is given (or the words are anonymised), only you and the Promise leads "
            "can see them, and they never appear in reports or downloads.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["items"].queryset = _partnership_items(self.partnership)
        self.fields["initiatives"].queryset = Initiative.objects.in_partnership(self.partnership_id)


class StoryFromItemForm(StoryForm):
    """A story in a young person's own words, from an item they said yes to.

    Their yes on the item is the consent, and the words go in without their name, so
    whose voice, consent and anonymised are not asked: they are set here.
    """

    class Meta(StoryForm.Meta):
        fields = ["title", "text", "kind", "visibility", "items", "initiatives"]
        help_texts = {
            "text": "Their words, without their name or anything that could identify them.",
        }

    def __init__(self, *args, item, **kwargs):
        self.item = item
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            c for c in self.fields["kind"].choices if c[0] != Story.Kind.FEEDBACK
        ]

    def save(self, commit=True):
        self.instance.consent_item = self.item
        self.instance.voice = Story.Voice.CHILD
        self.instance.consent = Consent.GIVEN
        self.instance.anonymised = True
        return super().save(commit)


class ItemFilterForm(forms.Form):
    """Narrow a framework's items by foundation, assessment and whether initiatives serve them."""

    foundation = forms.ChoiceField(label="Foundation", required=False)
    assessment = forms.ChoiceField(label="Assessment", required=False)
    initiative = forms.ChoiceField(
        label="Initiatives",
        required=False,
        choices=[("", "Any"), ("none", "None yet"), ("some", "At least one")],
    )

    def __init__(self, *args, foundations=(), steps=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["foundation"].choices = [("", "All foundations")] + [
            (f.key, f.name) for f in foundations
        ]
        self.fields["assessment"].choices = [("", "Any assessment")] + [
            (step.key, step.label) for step in steps
        ]

    def keep(self, item) -> bool:
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("foundation") and item.foundation != data["foundation"]:
            return False
        if data.get("assessment") and item.current_step.key != data["assessment"]:
            return False
        if data.get("initiative") == "none" and item.initiative_count:
            return False
        return not (data.get("initiative") == "some" and not item.initiative_count)
