from base64 import b32encode
from datetime import datetime, time
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from auditlog.models import LogEntry
from axes.models import AccessAttempt
from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import url_has_allowed_host_and_scheme, urlsafe_base64_encode
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_ratelimit.core import is_ratelimited

from scaffolding.core import emails, history

from . import identity
from .access import get_for_user, permission_required
from .forms import (
    AccountForm,
    AuditFilterForm,
    OrganisationForm,
    SignInForm,
    TeamForm,
    TokenForm,
    TwoStepRolesForm,
)
from .models import Organisation, Team, User
from .signals import joined_entry

AUDIT_PAGE_SIZE = 50


def _safe_next(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default


# Sign-in --------------------------------------------------------------------


def _sign_in_rate(group, request):
    return settings.SIGN_IN_RATE_LIMIT


_login_view = auth_views.LoginView.as_view(
    template_name="registration/login.html",
    authentication_form=SignInForm,
    redirect_authenticated_user=True,
    extra_context={"page_title": "Sign in"},
)


@login_not_required
def sign_in(request):
    """Django's sign-in, with a limit on tries per address across all accounts.

    django-axes pauses one account after wrong passwords; this stops one address
    from trying many accounts (or many spellings) quickly.
    """
    if request.method == "POST" and is_ratelimited(
        request, group="sign-in", key="ip", rate=_sign_in_rate, method="POST", increment=True
    ):
        return render(
            request,
            "accounts/locked_out.html",
            {
                "page_title": "Please wait before trying again",
                "rate_limited": True,
            },
            status=429,
        )
    return _login_view(request)


# Two-factor sign-in ---------------------------------------------------------


def _qr_svg(text: str) -> str:
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=10)
    return image.to_string(encoding="unicode")


@permission_required("accounts.use_two_factor")
@require_http_methods(["GET", "POST"])
def two_factor_setup(request):
    """Set up an authenticator app: scan the code (or type the key), then confirm a code."""
    if TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
        if request.user.is_verified():
            return redirect("accounts:backup_codes")
        return redirect("accounts:two_factor_verify")
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=request.user, name="Authenticator app", confirmed=False
        )
    form = TokenForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        messages.success(request, "Two-step sign-in is set up.")
        return redirect(_safe_next(request, reverse("core:home")))
    secret = b32encode(device.bin_key).decode("ascii")
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "page_title": "Set up two-step sign-in",
            "form": form,
            "qr_svg": _qr_svg(device.config_url),
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "next": _safe_next(request, ""),
        },
    )


@permission_required("accounts.use_two_factor")
@require_http_methods(["GET", "POST"])
def two_factor_verify(request):
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if device is None:
        return redirect(reverse("accounts:two_factor_setup") + f"?next={_safe_next(request, '/')}")
    form = TokenForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        otp_login(request, form.matched_device)
        if isinstance(form.matched_device, StaticDevice):
            left = form.matched_device.token_set.count()
            messages.warning(
                request,
                f"You used a backup code. You have {left} left: make new ones if you need them.",
            )
        return redirect(_safe_next(request, reverse("core:home")))
    return render(
        request,
        "accounts/two_factor_verify.html",
        {"page_title": "Enter your sign-in code", "form": form, "next": _safe_next(request, "")},
    )


BACKUP_CODE_COUNT = 10


@permission_required("accounts.use_two_factor")
@require_http_methods(["GET", "POST"])
def backup_codes(request):
    """Ten one-use codes for when the phone is lost; shown once, when made."""
    if not request.user.is_verified():
        return redirect(reverse("accounts:two_factor_verify") + f"?next={request.path}")
    device = StaticDevice.objects.filter(user=request.user).first()
    codes = []
    if request.method == "POST":
        with transaction.atomic():
            if device is None:
                device = StaticDevice.objects.create(
                    user=request.user, name="Backup codes", confirmed=True
                )
            device.token_set.all().delete()
            codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
            StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return render(
        request,
        "accounts/backup_codes.html",
        {
            "page_title": "Backup codes for two-step sign-in",
            "codes": codes,
            "left": device.token_set.count() if device else 0,
        },
    )


# The partnership ------------------------------------------------------------


@permission_required("accounts.manage_structure")
@require_http_methods(["GET", "POST"])
def sign_in_settings(request):
    """Which roles in this partnership must sign in with a second step."""
    partnership = request.user.partnership
    form = TwoStepRolesForm(request.POST or None, instance=partnership)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Sign-in settings are saved.")
        return redirect("accounts:sign_in_settings")
    return render(
        request,
        "accounts/simple_form.html",
        {
            "page_title": "Two-step sign-in in the partnership",
            "form": form,
            "cancel_url": reverse("accounts:partnership"),
        },
    )


@permission_required("accounts.view_partnership")
def partnership(request):
    organisations = (
        Organisation.objects.for_user(request.user)
        .annotate(
            team_count=Count("teams", distinct=True),
            people_count=Count("people", filter=Q(people__end_date__isnull=True), distinct=True),
        )
        .order_by("kind", "name")
    )
    return render(
        request,
        "accounts/partnership.html",
        {
            "page_title": request.user.partnership.name,
            "partnership": request.user.partnership,
            "organisations": organisations,
        },
    )


@permission_required("accounts.view_partnership")
def organisation(request, pk):
    org = get_for_user(request.user, Organisation.objects.all(), pk=pk)
    teams = org.teams.annotate(
        people_count=Count("people", filter=Q(people__end_date__isnull=True))
    ).order_by("name")
    return render(
        request,
        "accounts/organisation.html",
        {"page_title": org.name, "organisation": org, "teams": teams},
    )


@permission_required("accounts.view_partnership")
def team(request, pk):
    team = get_for_user(
        request.user,
        Team.objects.select_related("organisation"),
        pk=pk,
    )
    # Names are personal: only roles that work with the register see who is in a team.
    can_see_people = request.user.has_perm("workforce.list_people")
    people = []
    if can_see_people:
        people = list(
            team.people.current().select_related("role_profile", "supervisor").order_by("full_name")
        )
    count = team.people.filter(end_date__isnull=True).count()
    return render(
        request,
        "accounts/team.html",
        {
            "page_title": team.name,
            "team": team,
            "people": people,
            "people_count": count,
            "can_see_people": can_see_people,
        },
    )


@permission_required("accounts.manage_structure")
@require_http_methods(["GET", "POST"])
def organisation_form(request, pk=None):
    org = None
    if pk is not None:
        org = get_for_user(request.user, Organisation.objects.all(), pk=pk)
    form = OrganisationForm(request.POST or None, instance=org, partnership=request.partnership)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, f"{saved.name} is saved.")
        return redirect("accounts:organisation", pk=saved.pk)
    title = f"Change {org.name}" if org else "Add an organisation"
    return render(request, "accounts/simple_form.html", {"page_title": title, "form": form})


@permission_required("accounts.manage_structure")
@require_http_methods(["GET", "POST"])
def team_form(request, organisation_pk, pk=None):
    org = get_for_user(request.user, Organisation.objects.all(), pk=organisation_pk)
    team = get_object_or_404(org.teams, pk=pk) if pk is not None else None
    form = TeamForm(request.POST or None, instance=team, organisation=org)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.organisation = org
        saved.save()
        messages.success(request, f"{saved.name} is saved.")
        return redirect("accounts:organisation", pk=org.pk)
    title = f"Change {team.name}" if team else f"Add a team to {org.name}"
    return render(request, "accounts/simple_form.html", {"page_title": title, "form": form})


# Accounts -------------------------------------------------------------------


@permission_required("accounts.manage_users")
def account_list(request):
    query = request.GET.get("q", "").strip()
    accounts = User.objects.for_user(request.user).order_by("full_name")
    if query:
        accounts = accounts.filter(Q(full_name__icontains=query) | Q(email__icontains=query))
    page = Paginator(accounts, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "accounts/account_list.html",
        {
            "page_title": "Accounts",
            "page": page,
            "query": query,
            "querystring": urlencode({"q": query}) if query else "",
        },
    )


def _send_welcome(request, account: User) -> bool:
    """Email a link to choose a password; admins never set or see passwords.

    Django's reset form skips accounts without a usable password, which is
    exactly what a new account is, so the same link is built here. Answers
    False when the mail server did not take the email.
    """
    uid = urlsafe_base64_encode(force_bytes(account.pk))
    token = default_token_generator.make_token(account)
    link = request.build_absolute_uri(
        reverse("accounts:password_reset_confirm", kwargs={"uidb64": uid, "token": token})
    )
    return emails.send("accounts/welcome", {"user": account, "link": link}, account.email)


NOT_SENT = (
    "The email to {email} was not sent: the mail server did not answer. "
    "Please try again later, or ask whoever runs Scaffolding to check the mail settings."
)


@permission_required("accounts.manage_users")
@require_http_methods(["GET", "POST"])
def account_create(request):
    form = AccountForm(request.POST or None, editor=request.user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            account = form.save(commit=False)
            account.partnership = request.user.partnership
            account.set_unusable_password()
            account.save()
            entry = joined_entry(account)
        sent = _send_welcome(request, account)
        joined = " and joined it to their entry in the register" if entry else ""
        if sent:
            messages.success(
                request,
                f"Account created for {account.full_name}{joined}. We have emailed them a link.",
            )
        else:
            messages.success(request, f"Account created for {account.full_name}{joined}.")
            messages.error(request, NOT_SENT.format(email=account.email))
        return redirect("accounts:account_list")
    return render(
        request,
        "accounts/account_form.html",
        {
            "page_title": "Add an account",
            "form": form,
            "cancel_url": reverse("accounts:account_list"),
        },
    )


@permission_required("accounts.manage_users")
@require_http_methods(["GET", "POST"])
def account_edit(request, pk):
    account = get_for_user(request.user, User.objects.all(), perm="accounts.change_account", pk=pk)
    current_email = account.email
    form = AccountForm(request.POST or None, instance=account, editor=request.user)
    if request.method == "POST" and form.is_valid():
        new_email = form.cleaned_data["email"]
        with transaction.atomic():
            saved = form.save(commit=False)
            # A new address takes effect only when that address confirms it.
            saved.email = current_email
            saved.save()
            joined_entry(saved)
        messages.success(request, f"Changes to {saved.full_name}'s account are saved.")
        if new_email != current_email:
            to_new, to_old = identity.request_email_change(request, saved, new_email)
            if to_new:
                messages.info(
                    request,
                    f"{saved.full_name} still signs in with {current_email} until they "
                    f"confirm {new_email} from the email we sent there. "
                    f"We have also told {current_email}.",
                )
            else:
                messages.error(request, NOT_SENT.format(email=new_email))
        return redirect("accounts:account_list")
    return render(
        request,
        "accounts/account_form.html",
        {
            "page_title": f"Change {account.full_name}'s account",
            "form": form,
            "account": account,
            "cancel_url": reverse("accounts:account_list"),
            "has_authenticator": TOTPDevice.objects.filter(user=account, confirmed=True).exists(),
            "is_paused": AccessAttempt.objects.filter(
                username=account.email, failures_since_start__gte=settings.AXES_FAILURE_LIMIT
            ).exists(),
        },
    )


@permission_required("accounts.manage_users")
@require_http_methods(["POST"])
def account_unlock(request, pk):
    """Let a person whose sign-in is paused (too many wrong passwords) try again now."""
    account = get_for_user(request.user, User.objects.all(), perm="accounts.change_account", pk=pk)
    axes_reset(username=account.email)
    messages.success(request, f"{account.full_name} can sign in again now.")
    return redirect("accounts:account_edit", pk=account.pk)


@permission_required("accounts.manage_users")
@require_http_methods(["POST"])
def account_welcome(request, pk):
    """Send the welcome email (a link to choose a password) again."""
    account = get_for_user(request.user, User.objects.all(), perm="accounts.change_account", pk=pk)
    if _send_welcome(request, account):
        messages.success(request, f"We have emailed {account.email} a new link.")
    else:
        messages.error(request, NOT_SENT.format(email=account.email))
    return redirect("accounts:account_edit", pk=account.pk)


@permission_required("accounts.manage_users")
@require_http_methods(["POST"])
def account_reset_two_factor(request, pk):
    """For someone who has lost their phone: they set up a new authenticator at next sign-in."""
    account = get_for_user(request.user, User.objects.all(), perm="accounts.change_account", pk=pk)
    if account.pk == request.user.pk:
        messages.error(request, "Another partnership admin must reset your two-step sign-in.")
    else:
        with transaction.atomic():
            TOTPDevice.objects.filter(user=account).delete()
            StaticDevice.objects.filter(user=account).delete()
        messages.success(
            request,
            f"{account.full_name} will set up two-step sign-in again next time they sign in.",
        )
        if not identity.tell_two_step_reset(account, request.user):
            messages.error(request, NOT_SENT.format(email=account.email))
    return redirect("accounts:account_edit", pk=account.pk)


@login_not_required
@require_http_methods(["GET", "POST"])
def email_confirm(request, token):
    """The new address confirms a change of address (a button, so link scanners change nothing)."""
    if request.method == "POST":
        try:
            account = identity.confirm_email_change(token)
        except identity.EmailChangeRefused as refused:
            return render(
                request,
                "accounts/email_confirm.html",
                {"page_title": "This link does not work", "problem": str(refused)},
                status=400,
            )
        return render(
            request,
            "accounts/email_confirm.html",
            {"page_title": "Your email address is changed", "done": account},
        )
    return render(request, "accounts/email_confirm.html", {"page_title": "Confirm your new email"})


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Choose a new password, then tell the account's own address that it changed."""

    def form_valid(self, form):
        response = super().form_valid(form)
        identity.tell_password_changed(form.user)
        return response


# Change history -------------------------------------------------------------


def _audited_record_types():
    from auditlog.registry import auditlog

    types = ContentType.objects.get_for_models(*auditlog.get_models())
    return sorted(
        ((str(ct.pk), model._meta.verbose_name.capitalize()) for model, ct in types.items()),
        key=lambda choice: choice[1],
    )


@permission_required("accounts.view_audit_log")
def audit_log(request):
    """Who changed what and when, for records in this partnership only."""
    form = AuditFilterForm(request.GET or None, record_types=_audited_record_types())
    entries = (
        LogEntry.objects.filter(additional_data__partnership_id=request.user.partnership_id)
        .select_related("actor", "content_type")
        .order_by("-timestamp", "-pk")
    )
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["record_type"]:
            entries = entries.filter(content_type_id=int(data["record_type"]))
        if data["action"]:
            entries = entries.filter(action=int(data["action"]))
        if data["who"]:
            entries = entries.filter(
                Q(actor__full_name__icontains=data["who"]) | Q(actor__email__icontains=data["who"])
            )
        tz = timezone.get_current_timezone()
        if data["date_from"]:
            entries = entries.filter(
                timestamp__gte=datetime.combine(data["date_from"], time.min, tzinfo=tz)
            )
        if data["date_to"]:
            entries = entries.filter(
                timestamp__lte=datetime.combine(data["date_to"], time.max, tzinfo=tz)
            )
    elif form.is_bound:
        entries = entries.none()
    page = Paginator(entries, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "accounts/audit_log.html",
        {
            "page_title": "Change history",
            "filter_form": form,
            "page": page,
            "rows": history.describe(page.object_list),
            "querystring": query.urlencode(),
        },
    )
