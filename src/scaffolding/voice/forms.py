"""Forms for young people's pages: short labels in plain words."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.password_validation import validate_password

from scaffolding.core.forms import DateInput
from scaffolding.workforce.models import Person

from .domain import sign_in_email
from .models import Audience, DecidedAs, LinkKind, SafetySettings


class ShareFields(forms.Form):
    audience = forms.ChoiceField(
        label="Who can see this?",
        choices=Audience.choices,
        widget=forms.RadioSelect,
        initial=Audience.ONLY_ME,
    )
    people = forms.MultipleChoiceField(
        label="Which people?",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Only if you picked “People I choose”.",
    )
    until = forms.DateField(
        label="Until when? (you can leave this empty)",
        required=False,
        widget=DateInput(),
    )

    def __init__(self, *args, workers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].choices = [(str(p.pk), str(p)) for p in workers]

    def share(self):
        data = self.cleaned_data
        return {
            "audience": data["audience"],
            "until": data.get("until"),
            "people": [int(pk) for pk in data.get("people") or []],
        }


class ItemForm(ShareFields):
    title = forms.CharField(label="Give it a name", max_length=200)
    text = forms.CharField(label="Write here", required=False, widget=forms.Textarea)
    upload = forms.FileField(
        label="Add a photo, file or voice recording (you can leave this empty)",
        required=False,
    )
    field_order = ["title", "text", "upload", "audience", "people", "until"]


class OnBehalfForm(ShareFields):
    decided_as = forms.ChoiceField(label="You are deciding as", choices=DecidedAs.choices)
    reason = forms.CharField(label="Why you are deciding for them", widget=forms.Textarea)
    ask_again_on = forms.DateField(label="When to ask them again", widget=DateInput())


class OverrideForm(forms.Form):
    reason = forms.CharField(
        label="Child protection reason",
        help_text="This is kept for good and shown to the young person and their named worker.",
        widget=forms.Textarea,
    )


class AboutMeForm(forms.Form):
    matters = forms.CharField(label="What matters to me", required=False, widget=forms.Textarea)
    helps = forms.CharField(label="What helps me", required=False, widget=forms.Textarea)
    dont_ask = forms.CharField(
        label="What I don't want to be asked again", required=False, widget=forms.Textarea
    )
    how_to_meet = forms.CharField(
        label="How, when and where I like to meet", required=False, widget=forms.Textarea
    )


class ViewsForm(forms.Form):
    meeting = forms.CharField(label="Which meeting is it?", max_length=200)
    going_well = forms.CharField(label="What is going well", required=False, widget=forms.Textarea)
    worries = forms.CharField(label="What worries me", required=False, widget=forms.Textarea)
    want = forms.CharField(label="What I want to happen", required=False, widget=forms.Textarea)
    who_there = forms.CharField(label="Who I want there", required=False, widget=forms.Textarea)
    where_when = forms.CharField(label="Where and when", required=False, widget=forms.Textarea)
    people = forms.MultipleChoiceField(
        label="Who gets my views?", widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, workers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].choices = [(str(p.pk), str(p)) for p in workers]


class AnswerForm(forms.Form):
    decided = forms.CharField(label="What was decided", widget=forms.Textarea)
    answer = forms.CharField(label="How their views were answered", widget=forms.Textarea)


class UnsafeForm(forms.Form):
    message = forms.CharField(
        label="Tell us what is wrong (you can leave this empty)",
        required=False,
        widget=forms.Textarea,
    )


class YoungPersonForm(forms.Form):
    full_name = forms.CharField(label="Full name", max_length=200)
    called = forms.CharField(label="The name they like to be called", max_length=100)
    pronouns = forms.CharField(label="Pronouns", max_length=40, required=False)
    date_of_birth = forms.DateField(label="Date of birth", widget=DateInput())


class InviteForm(forms.Form):
    email = forms.EmailField(
        label="Their email (leave empty to get a code they can type)", required=False
    )


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, person):
        where = person.organisation.name if person.organisation_id else ""
        return f"{person.full_name}, {where}" if where else person.full_name


class LinkForm(forms.Form):
    """Link someone from the partnership's workforce register to a young person."""

    person = PersonChoiceField(
        label="Who",
        queryset=Person.objects.none(),
        empty_label="Choose a person",
        help_text="Workers and family carers in your partnership's workforce register.",
        error_messages={"invalid_choice": "Choose someone from your partnership's register."},
    )
    kind = forms.ChoiceField(label="How they work with them", choices=LinkKind.choices)
    parental_responsibility = forms.BooleanField(label="", required=False)

    def __init__(self, *args, user, young, **kwargs):
        super().__init__(*args, **kwargs)
        # The user's own partnership only, and only people who have not moved on.
        self.fields["person"].queryset = (
            Person.objects.for_user(user).current().select_related("organisation")
        )
        called = young.called
        self.fields["kind"].label = f"How they work with {called}"
        responsibility = self.fields["parental_responsibility"]
        responsibility.label = f"They have parental responsibility for {called}"
        responsibility.help_text = (
            "Tick only when a court order or the law gives it to them. "
            f"They can then decide for {called} when {called} is very young."
        )


class SafetySettingsForm(forms.ModelForm):
    class Meta:
        model = SafetySettings
        fields = ["duty_name", "duty_email", "next_email", "acknowledge_within_minutes"]
        labels = {
            "duty_name": "Name of the duty contact",
            "duty_email": "Duty contact's email",
            "next_email": "Next person's email",
            "acknowledge_within_minutes": "Minutes to read an alert",
        }
        help_texts = {
            "duty_name": "For example: Lochside duty social work team.",
            "duty_email": "Every alert goes here as well as to the young person's named workers.",
            "next_email": "If nobody has read an alert in time, it goes to this person too.",
            "acknowledge_within_minutes": "Between 5 and 1440 (24 hours).",
        }
        error_messages = {
            "duty_email": {
                "required": "Enter the duty contact's email.",
                "invalid": "Enter an email address like duty@example.org.",
            },
            "next_email": {"invalid": "Enter an email address like manager@example.org."},
            "duty_name": {"required": "Enter a name for the duty contact."},
            "acknowledge_within_minutes": {
                "required": "Enter how many minutes.",
                "invalid": "Enter a whole number of minutes.",
                "min_value": "Choose between 5 minutes and 1440 minutes (24 hours).",
            },
        }


class CodeForm(forms.Form):
    code = forms.CharField(label="Your code", max_length=20)
    password1 = forms.CharField(label="Choose a password", widget=forms.PasswordInput)
    password2 = forms.CharField(label="Type the password again", widget=forms.PasswordInput)

    def clean(self):
        data = super().clean()
        one, two = data.get("password1"), data.get("password2")
        if one and two and one != two:
            self.add_error("password2", "The two passwords are not the same.")
        elif one:
            try:
                validate_password(one)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


class YoungSignInForm(AuthenticationForm):
    """Sign in with a sign-in name or an email. Lockout (django-axes) still applies."""

    username = forms.CharField(label="Your sign-in name or email", max_length=254)

    def clean_username(self):
        return sign_in_email(self.cleaned_data["username"])
