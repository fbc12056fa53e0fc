from django import forms
from django.forms import inlineformset_factory

from scaffolding.core.forms import DateInput, PartnershipFormMixin, QuickSelect
from scaffolding.workforce.models import Person

from .models import (
    CHILD_PROMPTS,
    WORKER_PROMPTS,
    Agreement,
    CheckIn,
    Reflection,
    ReflectiveGroup,
    Session,
    SessionKind,
    SupervisorTraining,
    SupportAction,
    SupportContact,
    Theme,
)

DATE = DateInput()
TIME = forms.TimeInput(attrs={"type": "time"})


def prompt_field(label, hint):
    return forms.CharField(
        label=label,
        help_text=hint,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class SessionForm(PartnershipFormMixin, forms.ModelForm):
    """The shared record. It offers prompts; it never asks anyone to grade the worker."""

    themes = forms.MultipleChoiceField(
        label="What did you talk about?",
        choices=Theme.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Session
        fields = ["kind", "held_on", "start_time", "length_minutes", "location", "summary"]
        widgets = {
            "held_on": DATE,
            "start_time": TIME,
            "summary": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "held_on": "A date still to come books the session and sends a calendar invitation.",
            "summary": "What you agree to write down together. Everyone who took part can read it.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].label = "Kind of session"
        notes = self.instance.prompt_notes or {}
        for key, label, hint in CHILD_PROMPTS + WORKER_PROMPTS:
            self.fields[f"prompt_{key}"] = prompt_field(label, hint)
            self.initial.setdefault(f"prompt_{key}", notes.get(key, ""))
        self.initial.setdefault("themes", self.instance.themes or [])

    def child_prompt_fields(self):
        return [self[f"prompt_{key}"] for key, _, _ in CHILD_PROMPTS]

    def worker_prompt_fields(self):
        return [self[f"prompt_{key}"] for key, _, _ in WORKER_PROMPTS]

    def base_fields_bound(self):
        return [self[name] for name in self.Meta.fields]

    def save(self, commit=True):
        session = super().save(commit=False)
        session.prompt_notes = {
            key: self.cleaned_data[f"prompt_{key}"].strip()
            for key, _, _ in CHILD_PROMPTS + WORKER_PROMPTS
            if self.cleaned_data.get(f"prompt_{key}", "").strip()
        }
        session.themes = list(self.cleaned_data.get("themes") or [])
        if commit:
            session.save()
        return session


class NewSessionForm(SessionForm):
    participants = forms.ModelMultipleChoiceField(
        label="Who took part (or will take part)?",
        queryset=Person.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one person who took part."},
    )

    def __init__(self, *args, people=None, group=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = (
            people if people is not None else Person.objects.none()
        )
        self.group = group
        if group is not None:
            self.fields["participants"].label = "Who came?"
            self.fields[
                "participants"
            ].help_text = "Members who did not come are recorded as apologies."
            self.initial.setdefault("kind", SessionKind.GROUP)

    def base_fields_bound(self):
        return [self["participants"], *super().base_fields_bound()]


ActionFormSet = inlineformset_factory(
    Session,
    SupportAction,
    fields=["description", "owner", "due_on", "done"],
    extra=2,
    can_delete=True,
    widgets={"due_on": DATE},
    labels={"description": "Support action", "owner": "Who will do it", "done": "Done"},
)


def action_formset(*args, owners=None, **kwargs):
    formset = ActionFormSet(*args, **kwargs)
    for form in formset.forms:
        form.fields["owner"].queryset = owners if owners is not None else Person.objects.none()
        form.fields["description"].required = False
        form.fields["owner"].required = False
        form.empty_permitted = True
    return formset


class AgreementForm(PartnershipFormMixin, forms.ModelForm):
    class Meta:
        model = Agreement
        fields = [
            "frequency",
            "location",
            "length_minutes",
            "supervisee_brings",
            "supervisor_brings",
            "disagreements",
            "personal_matters",
            "starts_on",
        ]
        widgets = {
            "starts_on": DATE,
            **{
                name: forms.Textarea(attrs={"rows": 3})
                for name in (
                    "supervisee_brings",
                    "supervisor_brings",
                    "disagreements",
                    "personal_matters",
                )
            },
        }
        help_texts = {
            "frequency": "For example: every four weeks, and sooner after a hard day.",
            "personal_matters": (
                "Support with personal matters is offered apart from decisions about practice."
            ),
        }


class SuperviseeChoiceForm(forms.Form):
    supervisee = forms.ModelChoiceField(
        label="Who is this agreement with?", queryset=Person.objects.none()
    )

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["supervisee"].queryset = people if people is not None else Person.objects.none()


class ReflectionForm(PartnershipFormMixin, forms.ModelForm):
    class Meta:
        model = Reflection
        fields = ["text", "shared_with_supervisor"]
        widgets = {"text": forms.Textarea(attrs={"rows": 5})}
        labels = {"shared_with_supervisor": "Share this entry with my supervisor"}
        help_texts = {
            "text": "Only you can read this, unless you choose to share this entry.",
        }


class CheckInForm(PartnershipFormMixin, forms.ModelForm):
    class Meta:
        model = CheckIn
        fields = ["feeling", "workload", "supported", "note"]
        widgets = {
            "feeling": forms.RadioSelect,
            "workload": forms.RadioSelect,
            "supported": forms.RadioSelect,
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Radio buttons need no "---------" choice: nothing ticked means no answer yet.
        for name in ("feeling", "workload", "supported"):
            field = self.fields[name]
            field.choices = [(value, label) for value, label in field.choices if value != ""]


class GroupForm(PartnershipFormMixin, forms.ModelForm):
    class Meta:
        model = ReflectiveGroup
        fields = ["name", "purpose", "rhythm_days", "members"]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "members": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = people if people is not None else Person.objects.none()
        self.fields["members"].help_text = "People in your team and the people you supervise."


class TrainingForm(PartnershipFormMixin, forms.ModelForm):
    class Meta:
        model = SupervisorTraining
        fields = ["person", "title", "provider", "completed_on"]
        widgets = {"completed_on": DATE, "person": QuickSelect}
        labels = {"person": "Supervisor"}

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people if people is not None else Person.objects.none()


class SessionFilterForm(forms.Form):
    """Narrow my sessions to one person and a span of dates."""

    person = forms.ModelChoiceField(
        label="With", queryset=Person.objects.none(), required=False, empty_label="Anyone"
    )
    date_from = forms.DateField(label="From", required=False, widget=DateInput())
    date_to = forms.DateField(label="To", required=False, widget=DateInput())

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people if people is not None else Person.objects.none()

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", "The end date must be on or after the start date.")
        return cleaned


class SupportContactForm(PartnershipFormMixin, forms.ModelForm):
    web = forms.URLField(
        label="Website",
        required=False,
        assume_scheme="https",
        help_text="The full address, for example https://www.example.org/",
    )

    class Meta:
        model = SupportContact
        fields = ["name", "helps_with", "phone", "web", "email", "order"]
        help_texts = {
            "helps_with": "For example: free, confidential counselling for you and your family.",
        }

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(name) for name in ("phone", "web", "email")) and not self.errors:
            self.add_error("phone", "Give at least one way to reach them: phone, website or email.")
        return cleaned
