from django import forms
from django.db.models import Q
from django.utils import timezone

from scaffolding.accounts.models import Organisation, Team, User
from scaffolding.core import untrusted
from scaffolding.core.forms import DateInput, PartnershipFormMixin, QuickSelect

from .models import (
    LearningActivity,
    LearningRecord,
    LivedExperience,
    Person,
    Recognition,
    RecordStatus,
    RoleProfile,
    Topic,
    completed_in_the_future,
)

EVIDENCE_MAX_BYTES = 5 * 1024 * 1024


class RecordForm(PartnershipFormMixin, forms.ModelForm):
    """Recording learning: what, how far along, when, and optional evidence."""

    evidence = forms.FileField(
        required=False,
        help_text="A certificate or note, as PDF, image, Word or OpenDocument, up to 5 MB.",
    )

    class Meta:
        model = LearningRecord
        fields = ["activity", "status", "completed_on", "notes"]
        widgets = {"completed_on": DateInput()}
        labels = {"activity": "Learning", "completed_on": "Date completed"}
        help_texts = {
            "notes": "What you took from it, for you and your supervisor (optional).",
            "completed_on": "For completed learning. Leave it empty if you completed it today.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity"].queryset = LearningActivity.objects.in_partnership(
            self.partnership_id
        ).filter(is_active=True)

    def clean(self):
        cleaned = super().clean()
        status, completed_on = cleaned.get("status"), cleaned.get("completed_on")
        if status == RecordStatus.COMPLETED and not completed_on and "completed_on" in cleaned:
            # Optional means optional: completed today unless a date is given.
            cleaned["completed_on"] = timezone.localdate()
        if completed_on and completed_on > timezone.localdate():
            self.add_error("completed_on", "The date completed cannot be in the future.")
        if status != RecordStatus.COMPLETED and completed_on:
            self.add_error("completed_on", "Leave the date empty until the learning is completed.")
        elif completed_in_the_future(completed_on):
            self.add_error(
                "completed_on",
                "This date is in the future. Enter the date you completed this learning.",
            )
        return cleaned

    def clean_evidence(self):
        upload = self.cleaned_data.get("evidence")
        if upload is None:
            return None
        if upload.size > EVIDENCE_MAX_BYTES:
            raise forms.ValidationError("The file is larger than 5 MB. Choose a smaller file.")
        try:
            # The type kept and sent back is the one the content shows, never the browser's.
            upload.content_type = untrusted.check_evidence(upload)
        except untrusted.Refused as refused:
            raise forms.ValidationError(str(refused)) from None
        return upload


class ActivityForm(PartnershipFormMixin, forms.ModelForm):
    class Meta:
        model = LearningActivity
        fields = [
            "title",
            "kind",
            "nes_level",
            "topics",
            "provider",
            "hours",
            "refresh_months",
            "description",
            "is_active",
        ]
        widgets = {"topics": forms.CheckboxSelectMultiple}

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        clash = (
            LearningActivity.objects.in_partnership(self.partnership_id)
            .filter(title__iexact=title)
            .exclude(pk=self.instance.pk)
        )
        if clash.exists():
            raise forms.ValidationError("The catalogue already has learning with this title.")
        return title


class RoleProfileForm(PartnershipFormMixin, forms.ModelForm):
    required_topics = forms.ModelMultipleChoiceField(
        Topic.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Core learning topics this role needs",
    )

    class Meta:
        model = RoleProfile
        fields = [
            "name",
            "description",
            "required_nes_level",
            "required_topics",
            "supervision_cadence_days",
            "new_starter_cadence_days",
            "new_starter_months",
        ]
        help_texts = {
            "required_nes_level": "Levels build on each other: Enhanced also needs Skilled and "
            "Informed."
        }

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        clash = (
            RoleProfile.objects.in_partnership(self.partnership_id)
            .filter(name__iexact=name)
            .exclude(pk=self.instance.pk)
        )
        if clash.exists():
            raise forms.ValidationError("There is already a role profile with this name.")
        return name


class RecognitionForm(forms.ModelForm):
    class Meta:
        model = Recognition
        fields = ["kind", "nes_level", "topics", "reasons", "decided_on", "valid_until"]
        widgets = {
            "topics": forms.CheckboxSelectMultiple,
            "decided_on": DateInput(),
            "valid_until": DateInput(),
        }
        help_texts = {"reasons": "What was considered and why it meets the need."}

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("nes_level") and not cleaned.get("topics"):
            self.add_error("nes_level", "Recognise a NES level, one or more topics, or both.")
        until, decided = cleaned.get("valid_until"), cleaned.get("decided_on")
        if until and decided and until <= decided:
            self.add_error("valid_until", "The end date must be after the decision date.")
        return cleaned


class PersonForm(PartnershipFormMixin, forms.ModelForm):
    class Meta:
        model = Person
        fields = [
            "full_name",
            "email",
            "staff_number",
            "organisation",
            "team",
            "role_profile",
            "job_title",
            "relationship",
            "closeness",
            "start_date",
            "end_date",
            "newly_qualified",
            "supervisor",
        ]
        widgets = {"start_date": DateInput(), "end_date": DateInput(), "supervisor": QuickSelect}
        help_texts = {"end_date": "When someone leaves the partnership; their history stays."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        partnership_id = self.partnership_id
        self.fields["organisation"].queryset = Organisation.objects.in_partnership(partnership_id)
        self.fields["team"].queryset = Team.objects.in_partnership(partnership_id).select_related(
            "organisation"
        )
        self.fields["role_profile"].queryset = RoleProfile.objects.in_partnership(partnership_id)
        # Supervisors: people who already supervise someone or hold a supervisor account,
        # and always the current supervisor, so that saving never drops them silently.
        self.fields["supervisor"].queryset = (
            Person.objects.in_partnership(partnership_id)
            .filter(
                Q(end_date__isnull=True, user__role="supervisor")
                | Q(end_date__isnull=True, supervisees__isnull=False)
                | Q(pk=self.instance.supervisor_id or 0)
            )
            .exclude(pk=self.instance.pk or 0)
            .distinct()
        )

    def clean(self):
        cleaned = super().clean()
        team, org = cleaned.get("team"), cleaned.get("organisation")
        if team and org and team.organisation_id != org.pk:
            self.add_error("team", f"{team.name} is not a team of {org.name}.")
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", "The date they moved on must be after they started.")
        staff = cleaned.get("staff_number", "").strip()
        if staff:
            clash = (
                Person.objects.in_partnership(self.partnership_id)
                .filter(staff_number=staff)
                .exclude(pk=self.instance.pk)
            )
            if clash.exists():
                self.add_error("staff_number", "Someone else has this staff number.")
        return cleaned


class LivedExperienceForm(forms.ModelForm):
    shared_with = forms.ModelMultipleChoiceField(
        User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Who else may see this",
        help_text="Nobody else sees it: not learning leads, not admins, not your supervisor "
        "unless you tick them here.",
    )

    class Meta:
        model = LivedExperience
        fields = ["statement", "shared_with"]
        help_texts = {
            "statement": "Only what you want to say. You can change or clear it any time."
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["shared_with"].queryset = (
            User.objects.in_partnership(user.partnership_id)
            .filter(is_active=True)
            .exclude(pk=user.pk)
        )


class ImportForm(forms.Form):
    kind = forms.ChoiceField(
        label="What the file holds",
        choices=[("people", "People (roster)"), ("learning", "Learning records")],
        widget=forms.RadioSelect,
    )
    file = forms.FileField(
        label="CSV or Excel (XLSX) file",
        help_text="Up to 5 MB and 50,000 rows. The first row names the columns.",
    )


class PeopleFilterForm(PartnershipFormMixin, forms.Form):
    """Find people in the register by name, organisation and team."""

    q = forms.CharField(
        label="Name, email or staff number",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    organisation = forms.ModelChoiceField(
        label="Organisation",
        queryset=Organisation.objects.none(),
        required=False,
        empty_label="All organisations",
    )
    team = forms.ModelChoiceField(
        label="Team", queryset=Team.objects.none(), required=False, empty_label="All teams"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        partnership_id = self.partnership_id
        self.fields["organisation"].queryset = Organisation.objects.in_partnership(
            partnership_id
        ).order_by("name")
        teams = Team.objects.in_partnership(partnership_id).select_related("organisation")
        self.fields["team"].queryset = teams.order_by("organisation__name", "name")
        self.fields["team"].label_from_instance = lambda t: f"{t.name} ({t.organisation.name})"

    def narrow(self, people):
        if not self.is_valid():
            return people
        data = self.cleaned_data
        if data["q"].strip():
            query = data["q"].strip()
            people = people.filter(
                Q(full_name__icontains=query) | Q(email__icontains=query) | Q(staff_number=query)
            )
        if data["organisation"]:
            people = people.filter(organisation=data["organisation"])
        if data["team"]:
            people = people.filter(team=data["team"])
        return people
