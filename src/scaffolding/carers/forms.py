from django import forms
from django.core.exceptions import ValidationError

from scaffolding.core.forms import DateInput

from .models import STANDARD_AREAS, AgreedBy, Area, Ask, Decision, ShortBreak, Who

DATE = DateInput()
SMALL_TEXT = forms.Textarea(attrs={"rows": 3})


def apply_errors(form, error: ValidationError):
    """Put a domain ValidationError next to the fields it names (or above the form)."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.full_name


class AreaRuleForm(forms.Form):
    area = forms.CharField(widget=forms.HiddenInput)
    label = forms.CharField(label="Name of the area", max_length=120, required=False)
    who = forms.ChoiceField(
        label="Who decides",
        choices=Who.choices,
        widget=forms.RadioSelect,
        required=False,
        error_messages={"required": "Choose who decides."},
    )
    limits = forms.CharField(
        label="The limits (when the carer decides within limits)",
        required=False,
        max_length=500,
    )
    ask_person = PersonChoice(
        label="Who answers (when the carer asks)",
        queryset=None,
        required=False,
        empty_label="Nobody chosen",
    )
    answer_within_days = forms.IntegerField(
        label="They answer within this many working days",
        help_text="Working days leave out weekends and Scotland's bank holidays.",
        min_value=1,
        max_value=30,
        required=False,
    )

    def __init__(self, *args, workers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ask_person"].queryset = workers
        area = self.initial.get("area") or self.data.get(self.add_prefix("area"))
        if area and area != Area.LOCAL:
            self.fields["label"].widget = forms.HiddenInput()
            self.fields["who"].required = True

    @property
    def is_local(self) -> bool:
        return (self.initial.get("area") or self.data.get(self.add_prefix("area"))) == Area.LOCAL

    @property
    def legend(self) -> str:
        if self.is_local:
            return "A local addition"
        return self.initial.get("label") or Area(self.initial.get("area")).label

    def clean(self):
        data = super().clean()
        area = data.get("area")
        if area not in Area.values:
            raise ValidationError("Unknown area.")
        if area == Area.LOCAL and not (data.get("label") or "").strip():
            if data.get("who"):
                self.add_error("label", "Name the area, or leave this addition empty.")
            data["skip"] = True
            return data
        if area != Area.LOCAL:
            data["label"] = Area(area).label
        if not data.get("who"):
            if "who" not in self.errors:
                self.add_error("who", "Choose who decides.")
            return data
        rule = {**data}
        from .domain import check_rule

        for field, message in check_rule(rule).items():
            self.add_error(field, message)
        return data


class BaseRuleFormSet(forms.BaseFormSet):
    def __init__(self, *args, workers=None, **kwargs):
        self.workers = workers
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {"workers": self.workers}

    def rules(self) -> list[dict]:
        return [
            {key: form.cleaned_data.get(key) for key in AreaRuleForm.base_fields}
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("skip")
        ]


RuleFormSet = forms.formset_factory(AreaRuleForm, formset=BaseRuleFormSet, extra=0)

LOCAL_ROWS = 2


def rule_initial(previous=None) -> list[dict]:
    """Every standard area (as the last version had it, if any), then room for local ones."""
    earlier = {}
    if previous is not None:
        for rule in previous.rules.all():
            earlier[(rule.area, rule.label if rule.area == Area.LOCAL else "")] = rule
    rows = []
    for area in STANDARD_AREAS:
        rule = earlier.pop((area.value, ""), None)
        rows.append(_row(area.value, area.label, rule))
    for (area, label), rule in earlier.items():
        rows.append(_row(area, label, rule))
    rows.extend({"area": Area.LOCAL, "label": ""} for _ in range(LOCAL_ROWS))
    return rows


def _row(area, label, rule):
    row = {"area": area, "label": label}
    if rule is not None:
        row.update(
            who=rule.who,
            limits=rule.limits,
            ask_person=rule.ask_person_id,
            answer_within_days=rule.answer_within_days,
        )
    return row


class AgreementForm(forms.Form):
    young_person_view = forms.CharField(
        label="What the young person says about this agreement",
        help_text="In their words. Without it the agreement is saved as a draft only.",
        required=False,
        widget=SMALL_TEXT,
    )
    review_on = forms.DateField(label="Review by", widget=DATE)
    carer = PersonChoice(label="Family carer who agreed", queryset=None, required=False)
    carer_agreed_on = forms.DateField(label="Date the carer agreed", required=False, widget=DATE)
    social_worker = PersonChoice(label="Social worker who agreed", queryset=None, required=False)
    social_worker_agreed_on = forms.DateField(
        label="Date the social worker agreed", required=False, widget=DATE
    )
    parental_responsibility = forms.CharField(
        label="People with parental responsibility who agreed",
        help_text="Their names, separated by commas.",
        required=False,
        max_length=400,
    )
    parental_responsibility_agreed_on = forms.DateField(
        label="Date they agreed", required=False, widget=DATE
    )

    def __init__(self, *args, carers=None, workers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["carer"].queryset = carers
        self.fields["social_worker"].queryset = workers

    def clean(self):
        data = super().clean()
        pairs = [
            ("carer", "carer_agreed_on"),
            ("social_worker", "social_worker_agreed_on"),
            ("parental_responsibility", "parental_responsibility_agreed_on"),
        ]
        for who, when in pairs:
            if data.get(who) and not data.get(when):
                self.add_error(when, "Give the date they agreed.")
            if data.get(when) and not data.get(who):
                self.add_error(who, "Say who agreed on this date.")
        return data

    def agreed(self) -> list[dict]:
        data = self.cleaned_data
        entries = []
        if data.get("carer"):
            entries.append(
                {
                    "capacity": AgreedBy.Capacity.CARER,
                    "name": data["carer"].full_name,
                    "person": data["carer"],
                    "agreed_on": data["carer_agreed_on"],
                }
            )
        if data.get("social_worker"):
            entries.append(
                {
                    "capacity": AgreedBy.Capacity.SOCIAL_WORKER,
                    "name": data["social_worker"].full_name,
                    "person": data["social_worker"],
                    "agreed_on": data["social_worker_agreed_on"],
                }
            )
        for name in (data.get("parental_responsibility") or "").split(","):
            if name.strip():
                entries.append(
                    {
                        "capacity": AgreedBy.Capacity.PARENTAL_RESPONSIBILITY,
                        "name": name.strip(),
                        "agreed_on": data["parental_responsibility_agreed_on"],
                    }
                )
        return entries


def area_choices():
    return [("", "Choose an area"), *[(a.value, a.label) for a in STANDARD_AREAS]]


class AskForm(forms.Form):
    area = forms.ChoiceField(label="What is it about?", choices=())
    question = forms.CharField(label="What are you asking?", widget=SMALL_TEXT)
    named_person = PersonChoice(
        label="Who should answer?",
        help_text="Leave as it is to ask the person the agreement names for this area.",
        queryset=None,
        required=False,
        empty_label="The person the agreement names",
    )

    def __init__(self, *args, workers=None, local_areas=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["named_person"].queryset = workers
        self.fields["area"].choices = area_choices() + [
            (f"local:{label}", label) for label in local_areas
        ]


def split_area(value: str) -> tuple[str, str]:
    if value.startswith("local:"):
        return Area.LOCAL, value.removeprefix("local:")
    return value, ""


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(
        label="What do you say?", choices=Ask.Answer.choices, widget=forms.RadioSelect
    )
    answer_text = forms.CharField(
        label="Say more (the carer sees this)", required=False, widget=SMALL_TEXT
    )


class CanIForm(forms.ModelForm):
    """The young person's view first, then the carer's and family's, the workers' last."""

    area = forms.ChoiceField(label="Which everyday area is it?", choices=())
    outcome = forms.ChoiceField(
        label="Your decision",
        choices=Decision.Outcome.choices,
        widget=forms.RadioSelect,
        required=False,
        help_text="Only for areas you decide under the agreement; otherwise it goes as an ask.",
    )
    named_person = PersonChoice(
        label="If it is not yours to decide, who should answer?",
        queryset=None,
        required=False,
        empty_label="The person the agreement names",
    )

    class Meta:
        model = Decision
        fields = [
            "wants",
            "young_person_view",
            "friends_do",
            "good_about_it",
            "worries",
            "worry_kind",
            "safer",
            "carer_view",
            "family_view",
            "workers_view",
            "outcome_detail",
            "look_again_on",
        ]
        widgets = {
            "wants": forms.TextInput(attrs={"placeholder": ""}),
            "young_person_view": SMALL_TEXT,
            "friends_do": SMALL_TEXT,
            "good_about_it": SMALL_TEXT,
            "worries": SMALL_TEXT,
            "worry_kind": forms.RadioSelect,
            "safer": SMALL_TEXT,
            "carer_view": SMALL_TEXT,
            "family_view": SMALL_TEXT,
            "workers_view": SMALL_TEXT,
            "outcome_detail": SMALL_TEXT,
            "look_again_on": DATE,
        }
        labels = {"wants": "Can they... (what do they want to do?)"}

    field_order = [
        "area",
        "wants",
        "young_person_view",
        "friends_do",
        "good_about_it",
        "worries",
        "worry_kind",
        "safer",
        "carer_view",
        "family_view",
        "workers_view",
        "outcome",
        "outcome_detail",
        "look_again_on",
        "named_person",
    ]

    def __init__(self, *args, workers=None, local_areas=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = area_choices() + [
            (f"local:{label}", label) for label in local_areas
        ]
        self.fields["named_person"].queryset = workers
        self.fields["young_person_view"].required = True
        self.fields["worry_kind"].choices = Decision.Worry.choices
        self.fields["look_again_on"].required = False

    def views(self) -> dict:
        return {name: self.cleaned_data.get(name) or "" for name in self.Meta.fields[:10]}


class DebriefForm(forms.Form):
    went_wrong = forms.CharField(label="What happened?", widget=SMALL_TEXT)


class ShortBreakForm(forms.ModelForm):
    class Meta:
        model = ShortBreak
        fields = [
            "kind",
            "person_who_matters",
            "with_name",
            "knows_already",
            "young_person_say",
            "starts_on",
            "ends_on",
            "notes",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "starts_on": DATE,
            "ends_on": DATE,
            "young_person_say": SMALL_TEXT,
            "notes": SMALL_TEXT,
        }

    def __init__(self, *args, people_who_matter=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            c for c in ShortBreak.Kind.choices if c[0] != ShortBreak.Kind.TIME_AWAY
        ]
        self.fields["person_who_matters"].queryset = people_who_matter
        self.fields["person_who_matters"].empty_label = "Someone new (give their name below)"
        self.fields["with_name"].required = False
        self.fields["with_name"].label = "Or the name of someone new"
        self.fields["knows_already"].label = "The young person already knows them"


class TimeAwayForm(forms.ModelForm):
    class Meta:
        model = ShortBreak
        fields = ["starts_on", "ends_on", "notes"]
        widgets = {"starts_on": DATE, "ends_on": DATE, "notes": SMALL_TEXT}
        labels = {"notes": "Anything you want to remember"}
