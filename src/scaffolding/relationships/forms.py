"""Forms for people who matter, times together, moves, plans and policies.

Words a young person reads are short and kind (reading age 9 or less).
"""

from django import forms

from scaffolding.core.forms import DateInput

from .domain import PLAN_FIELDS, plan_errors
from .models import Kind, LocalPolicy, Move, PersonWhoMatters, Settings, Wants

DATE = DateInput()
YES_NO = [("yes", "Yes"), ("no", "No")]


class PersonForm(forms.ModelForm):
    lives_together = forms.TypedChoiceField(
        label="Do you live together?",
        help_text="Only for brothers and sisters.",
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = PersonWhoMatters
        fields = [
            "name",
            "kind",
            "worker",
            "lives_together",
            "apart_reason",
            "wants",
            "how_often",
            "who_helps",
        ]
        labels = {
            "name": "Their name",
            "kind": "Who are they to you?",
            "worker": "Which worker",
            "apart_reason": "Why do you live apart?",
            "wants": "What would you like?",
            "how_often": "How often do you see them?",
            "who_helps": "Who helps you see them?",
        }
        help_texts = {
            "name": "A first name or what you call them, like Gran.",
            "worker": "If they are a worker, you can choose them here.",
            "apart_reason": "Only if you do not live together.",
            "how_often": "For example, every Saturday.",
        }
        widgets = {
            "apart_reason": forms.Textarea(attrs={"rows": 2}),
            "wants": forms.RadioSelect,
        }

    def __init__(self, *args, workers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].error_messages["required"] = "Write their name."
        self.fields["kind"].error_messages["required"] = "Say who they are to you."
        self.fields["kind"].choices = [("", "Choose one"), *Kind.choices]
        self.fields["wants"].choices = Wants.choices
        self.fields["wants"].required = False
        if self.instance.pk and self.instance.lives_together is not None:
            self.initial["lives_together"] = "yes" if self.instance.lives_together else "no"
        if workers is None:
            del self.fields["worker"]
        else:
            self.fields["worker"].queryset = workers
            self.fields["worker"].required = False

    def clean(self):
        data = super().clean()
        if data.get("kind") == Kind.SIBLING:
            if data.get("lives_together") is None:
                self.add_error("lives_together", "Say if you live together.")
            elif data.get("lives_together") is False and not data.get("apart_reason", "").strip():
                self.add_error(
                    "apart_reason", "Say why you live apart. It is fine to say you do not know."
                )
        return data


class TimeTogetherForm(forms.Form):
    on = forms.DateField(
        label="When?",
        widget=DATE,
        error_messages={"required": "Say when.", "invalid": "Give a date, like 5 May 2026."},
    )
    what = forms.CharField(
        label="What did you do?",
        max_length=200,
        help_text="For example, went to the park.",
        error_messages={"required": "Say what you did."},
    )
    notes = forms.CharField(
        label="Anything else?", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class EndForm(forms.Form):
    reason = forms.CharField(
        label="Why?",
        required=False,
        max_length=300,
        help_text="They will stay on your list as someone from before.",
    )


class MoveForm(forms.ModelForm):
    """A move of home and its plan; the relationships kept are added as fields per person."""

    class Meta:
        model = Move
        fields = [
            "kind",
            "moved_on",
            "from_home",
            "to_home",
            "told_on",
            "how_told",
            "what_they_wanted",
            "moving_with",
            "belongings",
            "pets",
            "school",
            "plan_due_by",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "moved_on": DATE,
            "told_on": DATE,
            "plan_due_by": DATE,
            "how_told": forms.Textarea(attrs={"rows": 2}),
            "what_they_wanted": forms.Textarea(attrs={"rows": 3}),
            "moving_with": forms.Textarea(attrs={"rows": 2}),
            "belongings": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "told_on": "The date the young person first heard about the move.",
            "moving_with": "Brothers, sisters or anyone else moving with them.",
            "school": "Do they stay at the same school? How do they get there?",
            "plan_due_by": (
                "Only for an emergency move whose plan is not ready: the date it will be."
            ),
        }

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        if "kind" in self.fields:
            self.fields["kind"].choices = Move.Kind.choices
        # The plan is needed for a planned move; an emergency move may give a date instead.
        emergency = self.is_bound and self.data.get("kind") == Move.Kind.EMERGENCY
        for name, message in PLAN_FIELDS.items():
            self.fields[name].required = not emergency
            self.fields[name].error_messages["required"] = message
        self.people = list(people)
        for person in self.people:
            self.fields[f"keep_{person.pk}"] = forms.BooleanField(
                label=f"Keep {person.name}", required=False
            )
            self.fields[f"how_{person.pk}"] = forms.CharField(
                label=f"How the relationship with {person.name} is kept",
                required=False,
                max_length=300,
            )
        self.kept_errors = []

    def move_fields(self):
        return [
            self[name]
            for name in ("kind", "moved_on", "from_home", "to_home")
            if name in self.fields
        ]

    def plan_fields(self):
        return [
            self[name]
            for name in self.Meta.fields
            if name in PLAN_FIELDS or name in ("moving_with", "belongings", "pets", "school")
        ]

    def due_fields(self):
        return [self[name] for name in ("plan_due_by",) if name in self.fields]

    def kept_rows(self):
        return [
            (person, self[f"keep_{person.pk}"], self[f"how_{person.pk}"]) for person in self.people
        ]

    def clean(self):
        data = super().clean()
        for person in self.people:
            if data.get(f"keep_{person.pk}") and not data.get(f"how_{person.pk}", "").strip():
                self.add_error(
                    f"how_{person.pk}", f"Say how the relationship with {person.name} is kept."
                )
        # Every missing part of the plan at once (the domain checks again when saving).
        kind = data.get("kind", Move.Kind.PLANNED)
        if kind:
            ticked = [p for p in self.people if data.get(f"keep_{p.pk}")]
            errors = plan_errors(kind, data, ticked, bool(self.people))
            self.add_domain_errors(
                {field: [message] for field, message in errors.items() if field not in self.errors}
            )
        return data

    def kept(self):
        data = self.cleaned_data
        return [
            (person, data[f"how_{person.pk}"].strip())
            for person in self.people
            if data.get(f"keep_{person.pk}")
        ]

    def move_data(self):
        return {name: self.cleaned_data.get(name) for name in self.Meta.fields if name != "kind"}

    def add_domain_errors(self, errors: dict):
        for field, messages in errors.items():
            if field == "kept":
                self.kept_errors.extend(messages)
                self.add_error(None, f"Relationships kept: {' '.join(messages)}")
            else:
                self.add_error(field, messages)


class MovePlanForm(MoveForm):
    """The plan for an emergency move, given afterwards."""

    class Meta(MoveForm.Meta):
        fields = [
            "told_on",
            "how_told",
            "what_they_wanted",
            "moving_with",
            "belongings",
            "pets",
            "school",
        ]
        widgets = MoveForm.Meta.widgets
        help_texts = MoveForm.Meta.help_texts


class ReviewForm(forms.ModelForm):
    class Meta:
        model = Move
        fields = ["reviewed_on", "review_notes"]
        widgets = {"reviewed_on": DATE, "review_notes": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewed_on"].required = True
        self.fields["review_notes"].required = True


class AgreePlanForm(forms.Form):
    what_they_want = forms.CharField(
        label="What the young person wants",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say what the young person wants."},
    )
    how_it_continues = forms.CharField(
        label="How the relationship continues",
        help_text="For example, a card at birthdays and a visit each school holiday.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say how the relationship continues."},
    )


class PolicyForm(forms.ModelForm):
    class Meta:
        model = LocalPolicy
        fields = ["title", "covers", "stance", "review_on"]
        widgets = {
            "covers": forms.Textarea(attrs={"rows": 3}),
            "stance": forms.RadioSelect,
            "review_on": DATE,
        }
        help_texts = {
            "covers": "For example, staff keeping in touch after they leave, or overnight stays.",
            "stance": "A blanket ban stops relationships whatever the child's circumstances.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stance"].choices = LocalPolicy.Stance.choices


class SettingsForm(forms.ModelForm):
    class Meta:
        model = Settings
        fields = ["emergency_review_days"]
        help_texts = {
            "emergency_review_days": (
                "Each emergency move is flagged for a review by this many days after it."
            )
        }
