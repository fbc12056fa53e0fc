import json

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from scaffolding.accounts.access import get_for_user, permission_required
from scaffolding.language import check as check_text
from scaffolding.language import load_default_glossary

from . import indicator, overrides
from .forms import TEXT_LIMIT, CheckForm, LocalRuleForm, ShippedRuleForm, TokenForm
from .models import ApiToken

# Enough for a long report; more than this is refused with 413.
API_BODY_LIMIT = 4 * TEXT_LIMIT
SUGGESTION_LIMIT = 6


def highlighted(text: str, findings) -> list[dict]:
    """The text cut into plain and marked pieces, for the template to escape and show."""
    pieces, position = [], 0
    for number, finding in enumerate(findings, start=1):
        if finding.start > position:
            pieces.append({"text": text[position : finding.start]})
        pieces.append({"text": finding.text, "number": number, "quoted": finding.quoted})
        position = finding.end
    if position < len(text):
        pieces.append({"text": text[position:]})
    return pieces


@permission_required("language.check_text")
def check(request):
    findings, pieces, source = None, None, ""
    if request.method == "POST":
        form = CheckForm(request.POST, request.FILES)
        if form.is_valid():
            text, source = form.text_to_check()
            findings = check_text(text, overrides.glossary_for(request.user.partnership_id))
            pieces = highlighted(text, findings)
    else:
        form = CheckForm()
    return render(
        request,
        "language/check.html",
        {
            "page_title": "Check my writing",
            "form": form,
            "findings": findings,
            "pieces": pieces,
            "source": source,
            "suggestion_count": sum(1 for f in findings or [] if not f.quoted),
        },
    )


def grouped_suggestions(findings) -> list[dict]:
    """One suggestion per word and rule, in the order they were first written."""
    seen, grouped = set(), []
    for finding in findings:
        key = (finding.text.lower(), finding.rule, finding.quoted)
        if key in seen:
            continue
        seen.add(key)
        grouped.append(finding)
    return grouped


@require_POST
@permission_required("language.check_text")
def suggest(request):
    """Inline suggestions under a text field (an HTML fragment; empty when nothing to say)."""
    text = request.POST.get("text", "")
    if len(text) > TEXT_LIMIT:
        return HttpResponse(status=413)
    findings = check_text(text, overrides.glossary_for(request.user.partnership_id))
    shown = grouped_suggestions(findings)
    # Rendered without the request: a fragment needs no navigation or other page context.
    response = HttpResponse(
        render_to_string(
            "language/_suggestions.html",
            {
                "suggestions": shown[:SUGGESTION_LIMIT],
                "more": max(0, len(shown) - SUGGESTION_LIMIT),
            },
        )
    )
    # The script shows only responses that carry this header (never a sign-in page).
    response["X-Language-Suggestions"] = "1"
    return response


def _json_error(message: str, status: int) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


def _api_partnership(request):
    """(partnership id, None) for a valid token or signed-in user, else (None, error response)."""
    header = request.headers.get("Authorization", "")
    if header:
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return None, _json_error("Send the token as 'Authorization: Bearer <token>'.", 401)
        record = ApiToken.find(token.strip())
        if record is None:
            return None, _json_error("This token is not valid or has been stopped.", 401)
        ApiToken.objects.filter(pk=record.pk).update(last_used_at=timezone.now())
        return record.partnership_id, None
    user = request.user
    if user.is_authenticated and user.has_perm("language.check_text"):
        # Signed in through the browser: the usual protection against cross-site requests.
        refused = CsrfViewMiddleware(lambda r: None).process_view(request, None, (), {})
        if refused is not None:
            return None, _json_error("The CSRF token is missing or wrong.", 403)
        return user.partnership_id, None
    return None, _json_error(
        "Sign in, or send an API token as 'Authorization: Bearer <token>'.", 401
    )


@login_not_required
@csrf_exempt
@require_POST
def api_check(request):
    """POST {"text": "..."} -> {"findings": [...]} with the partnership's glossary."""
    partnership_id, refused = _api_partnership(request)
    if refused is not None:
        return refused
    if len(request.body) > API_BODY_LIMIT:
        return _json_error(
            f"The request is too large: send at most {TEXT_LIMIT:,} characters.", 413
        )
    try:
        payload = json.loads(request.body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return _json_error('The body must be JSON like {"text": "..."}.', 400)
    if not isinstance(payload, dict) or not isinstance(payload.get("text"), str):
        return _json_error('The JSON must have a "text" field with a string.', 400)
    text = payload["text"]
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        # JSON can carry "\ud800" escapes that are no character at all.
        return _json_error(
            "The text holds an invalid character (a lone surrogate such as \\ud800); "
            "send valid Unicode text.",
            400,
        )
    if len(text) > TEXT_LIMIT:
        return _json_error(f"The text is too long: send at most {TEXT_LIMIT:,} characters.", 413)
    path = payload.get("path") if isinstance(payload.get("path"), str) else None
    findings = check_text(text, overrides.glossary_for(partnership_id))
    return JsonResponse({"findings": [finding.to_dict(path) for finding in findings]})


@permission_required("language.view_glossary")
def glossary(request):
    partnership_id = request.user.partnership_id
    effective = overrides.glossary_for(partnership_id)
    status = overrides.rule_status(partnership_id)
    rules = [{"rule": rule, "status": status.get(rule.id, "shipped")} for rule in effective.rules]
    return render(
        request,
        "language/glossary.html",
        {
            "page_title": "Language of care",
            "rules": rules,
            "can_manage": request.user.has_perm("language.manage_glossary"),
            "changed_count": len(status),
        },
    )


def _rule_or_404(partnership_id, rule_id):
    effective = overrides.glossary_for(partnership_id)
    if rule_id not in effective:
        raise Http404("There is no rule with that name.")
    return effective[rule_id]


@permission_required("language.manage_glossary")
def rule_add(request):
    partnership_id = request.user.partnership_id
    form = LocalRuleForm(request.POST or None, partnership=request.partnership)
    if request.method == "POST" and form.is_valid():
        overrides.save_override(partnership_id, form.rule_data(), request.user)
        messages.success(request, f"Added “{form.cleaned_data['rule_id']}” to our glossary.")
        return redirect("language:glossary")
    return render(
        request,
        "language/rule_form.html",
        {"page_title": "Add a word to our glossary", "form": form},
    )


@permission_required("language.manage_glossary")
def rule_edit(request, rule_id):
    partnership_id = request.user.partnership_id
    rule = _rule_or_404(partnership_id, rule_id)
    shipped = load_default_glossary()
    if rule_id in shipped:
        form_class, kwargs = ShippedRuleForm, {"rule": shipped[rule_id]}
    else:
        form_class, kwargs = LocalRuleForm, {"existing_id": rule_id}
    initial = {
        "suggestions": "\n".join(rule.suggestions),
        "explanation": rule.explanation,
        "enabled": rule.enabled,
    }
    if form_class is LocalRuleForm:
        initial |= {
            "rule_id": rule.id,
            "words": "\n".join(overrides.patterns_to_words(rule.data.get("patterns", []))),
            "source": rule.source,
        }
    form = form_class(
        request.POST or None, initial=initial, partnership=request.partnership, **kwargs
    )
    if request.method == "POST" and form.is_valid():
        data = form.rule_data()
        if form_class is ShippedRuleForm and len(data) == 1:
            # Nothing differs from the shipped rule: keep no override at all.
            overrides.remove_override(partnership_id, rule_id)
        else:
            overrides.save_override(partnership_id, data, request.user)
        messages.success(request, f"Saved “{rule.title}” for our partnership.")
        return redirect("language:glossary")
    return render(
        request,
        "language/rule_form.html",
        {
            "page_title": f"Change “{rule.title}”",
            "form": form,
            "rule": rule,
            "shipped": form_class is ShippedRuleForm,
            "has_override": rule_id in overrides.rule_status(partnership_id),
        },
    )


@require_POST
@permission_required("language.manage_glossary")
def rule_reset(request, rule_id):
    partnership_id = request.user.partnership_id
    if not overrides.remove_override(partnership_id, rule_id):
        raise Http404("Our partnership has not changed that rule.")
    if rule_id in load_default_glossary():
        messages.success(request, f"“{rule_id}” is back to the shipped wording.")
    else:
        messages.success(request, f"Removed “{rule_id}” from our glossary.")
    return redirect("language:glossary")


@permission_required("language.manage_tokens")
def tokens(request):
    new_token = None
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _, new_token = form.save(request.user.partnership, request.user)
        form = TokenForm()
    listed = ApiToken.objects.for_user(request.user)
    return render(
        request,
        "language/tokens.html",
        {
            "page_title": "API tokens for other systems",
            "form": form,
            "tokens": listed,
            "new_token": new_token,
        },
    )


@require_POST
@permission_required("language.manage_tokens")
def token_revoke(request, pk):
    token = get_for_user(request.user, ApiToken.objects.all(), perm="language.revoke_token", pk=pk)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    messages.success(
        request, f"Stopped the token “{token.name}”. Systems using it can no longer check text."
    )
    return redirect("language:tokens")


@permission_required("language.view_indicator")
def indicator_page(request):
    """The table and chart; `?download=csv` or `?download=xlsx` gives the same figures as a file."""
    month_list, rules, cells = indicator.monthly_counts(request.user.partnership_id)
    download = request.GET.get("download")
    if download:
        return indicator_download(download, month_list, rules, cells)
    rows = indicator.table_rows(month_list, rules, cells)
    return render(
        request,
        "language/indicator.html",
        {
            "page_title": "Language indicator",
            "rules": rules,
            "rows": list(zip(month_list, rows, strict=True)),
            "total": sum(sum(row) for row in rows),
            "chart": indicator.chart_svg(month_list, rules, cells) if rules else "",
        },
    )


DOWNLOAD_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def indicator_download(fmt, month_list, rules, cells):
    if fmt not in DOWNLOAD_TYPES:
        raise Http404("Choose csv or xlsx.")
    dataset = indicator.export_dataset(month_list, rules, cells)
    response = HttpResponse(dataset.export(fmt), content_type=DOWNLOAD_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="language-indicator.{fmt}"'
    return response
