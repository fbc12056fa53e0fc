from base64 import b32encode
from datetime import datetime, time
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from auditlog.models import LogEntry
from django.contrib import messages
from django.contrib.auth.forms import PasswordResetForm
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
from django_otp.plugins.otp_totp.models import TOTPDevice

from .access import get_for_user, permission_required
from .forms import AccountForm, AuditFilterForm, OrganisationForm, TeamForm, TokenForm
from .models import Organisation, Team, User
from .signals import joined_entry

AUDIT_PAGE_SIZE = 50


def _safe_next(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default


# Two-factor sign-in ---------------------------------------------------------


def _qr_svg(text: str) -> str:
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=10)
    return image.to_string(encoding="unicode")


@permission_required("accounts.use_two_factor")
@require_http_methods(["GET", "POST"])
def two_factor_setup(request):
    """Set up an authenticator app: scan the code (or type the key), then confirm a code."""
    if TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
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
    form = TokenForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        return redirect(_safe_next(request, reverse("core:home")))
    return render(
        request,
        "accounts/two_factor_verify.html",
        {"page_title": "Enter your sign-in code", "form": form, "next": _safe_next(request, "")},
    )


# The partnership ------------------------------------------------------------


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
    form = OrganisationForm(
        request.POST or None, instance=org, partnership=request.user.partnership
    )
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.partnership = request.user.partnership
        saved.save()
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


def _send_welcome(request, account: User):
    """Email a link to choose a password; admins never set or see passwords.

    Django's reset form skips accounts without a usable password, which is
    exactly what a new account is, so the same link is built here.
    """
    context = {
        "email": account.email,
        "domain": request.get_host(),
        "site_name": "Scaffolding",
        "uid": urlsafe_base64_encode(force_bytes(account.pk)),
        "user": account,
        "token": default_token_generator.make_token(account),
        "protocol": "https" if request.is_secure() else "http",
    }
    PasswordResetForm().send_mail(
        "registration/welcome_subject.txt",
        "registration/welcome_email.txt",
        context,
        None,
        account.email,
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
        _send_welcome(request, account)
        joined = " and joined it to their entry in the register" if entry else ""
        messages.success(
            request,
            f"Account created for {account.full_name}{joined}. We have emailed them a link.",
        )
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
    form = AccountForm(request.POST or None, instance=account, editor=request.user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
            joined_entry(account)
        messages.success(request, f"Changes to {account.full_name}'s account are saved.")
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
        },
    )


@permission_required("accounts.manage_users")
@require_http_methods(["POST"])
def account_reset_two_factor(request, pk):
    """For an admin who has lost their phone: they set up a new authenticator at next sign-in."""
    account = get_for_user(request.user, User.objects.all(), perm="accounts.change_account", pk=pk)
    if account.pk == request.user.pk:
        messages.error(request, "Another partnership admin must reset your two-step sign-in.")
    else:
        TOTPDevice.objects.filter(user=account).delete()
        messages.success(
            request,
            f"{account.full_name} will set up two-step sign-in again next time they sign in.",
        )
    return redirect("accounts:account_edit", pk=account.pk)


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
            "querystring": query.urlencode(),
        },
    )
