import re

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.forms import AuthenticationForm
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from scaffolding.core.forms import DateInput, PartnershipFormMixin

from . import identity
from .models import Organisation, Partnership, Role, Team, User


class SignInForm(AuthenticationForm):
    username = forms.EmailField(
        label="Email address",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    password = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    error_messages = {
        "invalid_login": (
            "That email address and password do not match an account. "
            "Check them and try again, or reset your password."
        ),
        "inactive": "This account cannot sign in at the moment. Please ask your partnership admin.",
    }

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()


BACKUP_CODE = re.compile(r"^[a-z2-7]{8}$")


FREE_TRIES = 3


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's "I have forgotten my password" form, its email sent like every other
    (scaffolding.core.emails, templates in emails/accounts/password_reset/).

    Django still decides who gets a link (an active account with a usable password and
    this address, told apart without saying so) and makes the one-time token; the link
    is on the address the person asked from, as before.
    """

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        path = reverse(
            "accounts:password_reset_confirm",
            kwargs={"uidb64": context["uid"], "token": context["token"]},
        )
        link = f"{context['protocol']}://{context['domain']}{path}"
        identity.send_password_reset(context["user"], link, to_email)


class TokenForm(forms.Form):
    """A code from the authenticator app (six numbers) or, when signing in, a backup code."""

    token = forms.CharField(
        label="Code from your authenticator app",
        help_text="Six numbers, with no spaces.",
        min_length=6,
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "spellcheck": "false"}),
    )

    def __init__(self, *args, device=None, user=None, **kwargs):
        """`device` when confirming a new authenticator; `user` when signing in."""
        self.device = device
        self.user = user
        self.matched_device = None
        super().__init__(*args, **kwargs)
        if user is not None:
            self.fields["token"].label = "Code from your authenticator app, or a backup code"
            self.fields[
                "token"
            ].help_text = "Six numbers from the app, or one of your eight-letter backup codes."

    def _devices(self, kind):
        if self.device is not None:
            return [self.device] if isinstance(self.device, kind) else []
        return list(kind.objects.filter(user=self.user, confirmed=True))

    def clean_token(self):
        token = self.cleaned_data["token"].strip().replace(" ", "").replace("-", "").lower()
        if token.isdigit() and len(token) == 6:
            devices = self._devices(TOTPDevice)
            bad = "That code did not work. Codes change every 30 seconds: try the newest one."
        elif self.user is not None and BACKUP_CODE.match(token):
            devices = self._devices(StaticDevice)
            bad = "That backup code did not work, or it has been used already."
        else:
            raise forms.ValidationError("Enter the six numbers from your authenticator app.")
        for device in devices:
            if 0 < device.throttling_failure_count < FREE_TRIES:
                # A mistyped code or two is human: the next code is checked at once. From
                # FREE_TRIES wrong codes on, django-otp's growing wait applies as usual.
                device.throttling_failure_timestamp = None
            allowed, _why = device.verify_is_allowed()
            if not allowed:
                raise forms.ValidationError(
                    "Several codes in a row did not work, so please wait a minute and try again."
                )
            if device.verify_token(token):
                self.matched_device = device
                return token
        raise forms.ValidationError(bad)


class TwoStepRolesForm(forms.ModelForm):
    """A partnership admin chooses which roles must sign in with a second step."""

    two_step_roles = forms.MultipleChoiceField(
        label="Roles that must use two-step sign-in",
        help_text=(
            "Partnership admins always use it. Tick the roles that read children's or "
            "workers' private information in your partnership."
        ),
        choices=[
            (value, label) for value, label in Role.choices if value != Role.PARTNERSHIP_ADMIN
        ],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Partnership
        fields = ["two_step_roles"]


class AccountForm(forms.ModelForm):
    """Partnership admins create and change accounts; they never see or set passwords."""

    class Meta:
        model = User
        fields = ["full_name", "email", "role", "carer_kind", "is_active"]
        labels = {"full_name": "Full name"}
        help_texts = {
            "email": "The person signs in with this address and we send their welcome email here.",
            "carer_kind": "Only for family carers.",
            "is_active": "Untick to stop this person signing in. Their records are kept.",
        }

    def __init__(self, *args, editor=None, **kwargs):
        self.editor = editor
        super().__init__(*args, **kwargs)
        self.fields["carer_kind"].required = False
        if self.instance.pk is None:
            del self.fields["is_active"]

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        clash = User.objects.filter(email__iexact=email).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError("Another account already uses this email address.")
        return email

    def clean(self):
        cleaned = super().clean()
        role = cleaned.get("role")
        if role == Role.FAMILY_CARER and not cleaned.get("carer_kind"):
            self.add_error(
                "carer_kind", "Choose whether this is a foster, kinship or adoptive carer."
            )
        if self.instance.pk and self.instance.pk == getattr(self.editor, "pk", None):
            if role != Role.PARTNERSHIP_ADMIN:
                self.add_error("role", "You cannot remove your own admin role.")
            if cleaned.get("is_active") is False:
                self.add_error("is_active", "You cannot stop your own account signing in.")
        return cleaned


class AuditFilterForm(forms.Form):
    ACTIONS = [("", "Any change"), ("0", "Created"), ("1", "Changed"), ("2", "Deleted")]

    record_type = forms.ChoiceField(label="Kind of record", required=False)
    action = forms.ChoiceField(label="What happened", choices=ACTIONS, required=False)
    who = forms.CharField(label="Changed by (name or email)", required=False, max_length=100)
    date_from = forms.DateField(label="From", required=False, widget=DateInput())
    date_to = forms.DateField(label="To", required=False, widget=DateInput())

    def __init__(self, *args, record_types=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["record_type"].choices = [("", "Any kind"), *record_types]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "The end date must be on or after the start date.")
        return cleaned


def unique_name(name: str, siblings, instance, message: str) -> str:
    """A name must differ (ignoring case) from the others beside it."""
    name = name.strip()
    if siblings.filter(name__iexact=name).exclude(pk=instance.pk).exists():
        raise forms.ValidationError(message)
    return name


class OrganisationForm(PartnershipFormMixin, forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "kind"]
        labels = {"name": "Name of the organisation", "kind": "Kind of organisation"}

    def clean_name(self):
        return unique_name(
            self.cleaned_data["name"],
            Organisation.objects.in_partnership(self.partnership_id),
            self.instance,
            "The partnership already has an organisation by this name.",
        )


class TeamForm(forms.ModelForm):
    class Meta:
        model = Team
        fields = ["name"]
        labels = {"name": "Name of the team"}

    def __init__(self, *args, organisation, **kwargs):
        self.organisation = organisation
        super().__init__(*args, **kwargs)

    def clean_name(self):
        return unique_name(
            self.cleaned_data["name"],
            Team.objects.filter(organisation=self.organisation),
            self.instance,
            "This organisation already has a team by this name.",
        )
