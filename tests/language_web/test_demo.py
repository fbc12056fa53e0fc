"""The demo partnership gets a local rule, a changed rule and a year of counts."""

from django.db.models import Sum

from scaffolding.core import demo
from scaffolding.language import check, overrides
from scaffolding.language.models import GlossaryOverride, TermCount
from scaffolding.workforce.models import RoleProfile


def test_demo_data_makes_the_language_pages_meaningful(
    db, monkeypatch, django_capture_on_commit_callbacks
):
    # Pretend role profiles opt in, to see other apps' demo text counted after the build.
    monkeypatch.setattr(RoleProfile, "language_checked_fields", ["description"], raising=False)
    with django_capture_on_commit_callbacks(execute=True):
        ctx = demo.build(size=40)
        # As if a later app's demo had bulk-inserted text (no signals are sent).
        RoleProfile.objects.update(description="Supports each placement.")
    partnership = ctx.partnership
    assert set(
        GlossaryOverride.objects.filter(partnership=partnership).values_list("rule_id", flat=True)
    ) == {"problem-family", "respite"}
    glossary = overrides.glossary_for(partnership.pk)
    (finding,) = check("They are a troubled family.", glossary)
    assert finding.rule == "problem-family"
    assert glossary["respite"].suggestions[0] == "short break"

    months = TermCount.objects.filter(
        partnership=partnership, rule="placement", field="demo history"
    ).order_by("month")
    assert months.count() == 12
    first, last = months.first(), months.last()
    assert last.month == ctx.today.replace(day=1)
    assert last.count < first.count  # the chart shows the language changing
    assert (
        TermCount.objects.filter(partnership=partnership).aggregate(total=Sum("count"))["total"]
        > 100
    )
    profiles = TermCount.objects.filter(partnership=partnership, field="description")
    assert profiles.count() == RoleProfile.objects.filter(partnership=partnership).count() > 0
