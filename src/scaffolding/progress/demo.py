"""Demo progress for Glenmorven: frameworks, initiatives, a year of assessments, evidence.

Everything is fictional. Assessments move gently over the past year so that the overview
has something to say about the last quarter; a few calls to action have no initiative so
that they stand out.
"""

from datetime import timedelta
from decimal import Decimal

from . import framework_files as ff
from .loading import load_framework
from .models import (
    ASSESSMENT_SCALE,
    Assessment,
    Consent,
    FrameworkItem,
    Initiative,
    Measure,
    MeasurePoint,
    Question,
    Story,
    Visibility,
)

# (name, lead organisation, partners, funding, status, months ago it started, item codes,
#  description)
INITIATIVES = [
    (
        "Listening Circles",
        "Harbour Family Support",
        ["Glenmorven Council"],
        "Whole Family Wellbeing Fund",
        Initiative.Status.UNDERWAY,
        14,
        ["voice-1", "voice-4", "voice-6"],
        "Young people with care experience meet monthly with senior leaders, who bring back "
        "what changed because of what they said last time.",
    ),
    (
        "My Story, My Say",
        "Glenmorven Council",
        ["Harbour Family Support"],
        "Promise Partnership Fund",
        Initiative.Status.UNDERWAY,
        10,
        ["voice-5", "care-9"],
        "Young people decide who reads their records and help rewrite them in their own words.",
    ),
    (
        "Family Time Together",
        "Glenmorven Council",
        ["Harbour Family Support", "Glenmorven Family Carers"],
        "Council core budget",
        Initiative.Status.UNDERWAY,
        18,
        ["care-3", "care-4", "family-3"],
        "Warm, homely spaces and flexible times so that brothers, sisters and parents can "
        "spend time together.",
    ),
    (
        "Early Years Drop-ins",
        "NHS Glenmorven",
        ["Glenmorven Schools"],
        "Scottish Government early years funding",
        Initiative.Status.UNDERWAY,
        20,
        ["family-4", "family-5"],
        "Stay-and-play sessions in every community hall, with a health visitor on hand.",
    ),
    (
        "Intensive Family Support Service",
        "Harbour Family Support",
        ["Glenmorven Council", "NHS Glenmorven"],
        "Whole Family Wellbeing Fund",
        Initiative.Status.UNDERWAY,
        8,
        ["family-6", "family-7"],
        "Help at any hour, for as long as a family needs it, following the ten family support "
        "principles.",
    ),
    (
        "Words That Care",
        "Glenmorven Council",
        ["NHS Glenmorven", "Glenmorven Schools", "Bridgeview Children's Homes"],
        "Promise Partnership Fund",
        Initiative.Status.UNDERWAY,
        6,
        ["care-2", "care-8", "care-18"],
        "Changing the words we use in meetings, letters and records, with a checker built into "
        "Scaffolding and a glossary written with young people.",
    ),
    (
        "Trauma-informed Glenmorven",
        "NHS Glenmorven",
        ["Glenmorven Council", "Police Scotland, Glenmorven", "Glenmorven Schools"],
        "National Trauma Transformation Programme",
        Initiative.Status.UNDERWAY,
        24,
        ["people-2", "people-3", "workforce-support", "trauma-informed"],
        "Learning at the right NES level for everyone, from trauma informed to trauma "
        "specialist, with champions in every team.",
    ),
    (
        "Reflective Supervision for All",
        "Glenmorven Council",
        ["Bridgeview Children's Homes", "Glenmorven Family Carers"],
        "Council core budget",
        Initiative.Status.UNDERWAY,
        12,
        ["people-3", "people-4", "workforce-support", "care-14"],
        "Regular supervision and reflective practice for paid staff and family carers alike.",
    ),
    (
        "Staying Close",
        "Bridgeview Children's Homes",
        ["Glenmorven Council"],
        "Promise Partnership Fund",
        Initiative.Status.PLANNED,
        -2,
        ["care-22", "care-12", "ongoing-relationships"],
        "Young people leaving Bridgeview keep the relationships that matter to them, with a "
        "key worker who stays in touch for as long as they want.",
    ),
    (
        "Kinship Care Network",
        "Glenmorven Family Carers",
        ["Harbour Family Support"],
        "Charitable trust grant",
        Initiative.Status.UNDERWAY,
        9,
        ["care-16"],
        "Peer support, advice and a small fund for kinship carers.",
    ),
    (
        "Data that Matters",
        "Glenmorven Council",
        ["NHS Glenmorven"],
        "Council core budget",
        Initiative.Status.UNDERWAY,
        5,
        ["scaffolding-1", "scaffolding-9"],
        "Measuring what children and families value, with their involvement and consent.",
    ),
    (
        "Values-based Recruitment",
        "Glenmorven Council",
        ["Bridgeview Children's Homes"],
        "Council core budget",
        Initiative.Status.FINISHED,
        30,
        ["workforce-values", "people-1"],
        "Young people sit on interview panels and help write the questions.",
    ),
]

# (name, unit, question, higher is better, baseline, target, start, step, item codes)
MEASURES = [
    (
        "Children whose views were recorded in their own words before a review",
        "%",
        Question.HOW_WELL,
        True,
        "48",
        "90",
        48,
        3.2,
        ["voice-1", "voice-6"],
    ),
    (
        "Families offered intensive support within a week of asking",
        "%",
        Question.HOW_WELL,
        True,
        "55",
        "85",
        55,
        2.1,
        ["family-6"],
    ),
    # Brothers and sisters living together and moves of home are no longer typed in:
    # the relationships app counts them live from young people's records.
    (
        "Listening Circle sessions held",
        "sessions",
        Question.HOW_MUCH,
        True,
        "0",
        "12",
        0,
        1,
        ["voice-4"],
    ),
]

STORIES = [
    (
        "Being asked first",
        "They asked me what I wanted before the meeting, not after. It was the first time I "
        "felt like it was my meeting.",
        Story.Kind.QUOTE,
        Story.Voice.CHILD,
        Consent.GIVEN,
        Visibility.PUBLIC_REPORT,
        True,
        ["voice-1"],
    ),
    (
        "Sunday tea with my brother",
        "Now I see my wee brother every Sunday at the family room. We make pancakes.",
        Story.Kind.QUOTE,
        Story.Voice.CHILD,
        Consent.GIVEN,
        Visibility.PUBLIC_REPORT,
        True,
        ["care-3", "care-4"],
    ),
    (
        "Help that did not give up",
        "The family support worker came back every week, even when we said we were fine. "
        "That is what made the difference for us.",
        Story.Kind.STORY,
        Story.Voice.FAMILY,
        Consent.GIVEN,
        Visibility.PARTNERSHIP,
        False,
        ["family-6"],
    ),
    (
        "Supervision that helps",
        "Reflective supervision is the first time in years I have had space to think about "
        "how the work feels, not just what I have done.",
        Story.Kind.FEEDBACK,
        Story.Voice.WORKFORCE,
        Consent.NOT_NEEDED,
        Visibility.PUBLIC_REPORT,
        True,
        ["people-3"],
    ),
    (
        "Words on my file",
        "A young person shared how the words in their file made them feel. They are thinking "
        "about whether to share it more widely.",
        Story.Kind.STORY,
        Story.Voice.CHILD,
        Consent.NOT_ASKED,
        Visibility.PROMISE_TEAM,
        False,
        ["care-9"],
    ),
]

# How each item's assessments move over the year: indexes into ASSESSMENT_SCALE.
_PATHS = [(0, 1, 1, 2), (1, 1, 2, 2), (0, 0, 1, 1), (1, 2, 2, 3), (2, 2, 3, 3), (1, 1, 1, 2)]


def build_demo(ctx):
    partnership, today, rng = ctx.partnership, ctx.today, ctx.rng
    promise_lead = ctx.accounts.get("promise_lead")
    for name in ff.bundled_framework_names():
        load_framework(
            partnership,
            ff.load_bundled(name),
            user=promise_lead,
            assessed_on=today - timedelta(days=350),
        )
    items = {item.code: item for item in FrameworkItem.objects.in_partnership(partnership.pk)}

    _assessments(items, today, rng, promise_lead)
    initiatives = _initiatives(ctx, items, today)
    _measures(partnership, items, initiatives, today)
    _stories(partnership, items, initiatives, today, ctx.accounts)
    _story_in_a_young_persons_words(partnership, items, today, ctx.accounts)


def _story_in_a_young_persons_words(partnership, items, today, accounts):
    """Skye said yes to her swim race in the report; her worker quotes it, so she can see
    on "who has looked" each time someone reads it there."""
    from scaffolding.voice.domain import set_report_consent
    from scaffolding.voice.models import StoryItem

    item = (
        StoryItem.objects.in_partnership(partnership.pk)
        .filter(young_person__account__isnull=False, audience="everyone")
        .select_related("young_person__account")
        .first()
    )
    if item is None:
        return
    set_report_consent(item, item.young_person.account, True)
    story = Story.objects.create(
        partnership=partnership,
        title="Cheered on",
        text=item.text,
        kind=Story.Kind.QUOTE,
        voice=Story.Voice.CHILD,
        consent=Consent.GIVEN,
        visibility=Visibility.PUBLIC_REPORT,
        anonymised=True,
        recorded_on=today - timedelta(days=6),
        recorded_by=accounts.get("practitioner"),
        consent_item=item,
    )
    story.items.set([items[code] for code in ("care-7", "care-9") if code in items])


def remove_demo(partnership) -> None:
    """Stories from young people's items go before the voice demo removes the items."""
    Story.objects.in_partnership(partnership.pk).filter(consent_item__isnull=False).delete()


def _assessments(items, today, rng, user):
    # Four quarterly assessments over the past year; a third of items were assessed later.
    assessments = []
    quarters = [today - timedelta(days=days) for days in (350, 260, 170, 45)]
    already = set(
        Assessment.objects.filter(item__in=list(items.values())).values_list("item_id", flat=True)
    )
    for item in items.values():
        if item.pk in already:  # the source's own judgement was loaded with it
            continue
        path = rng.choice(_PATHS)
        first = rng.choice((0, 0, 1))
        for on, step_index in zip(quarters[first:], path[first:], strict=True):
            step = ASSESSMENT_SCALE[step_index]
            assessments.append(
                Assessment(
                    partnership_id=item.partnership_id,
                    item=item,
                    assessed_on=on,
                    status=step.key,
                    required=item.text,
                    heard="Partners and young people told us at the quarterly Promise board.",
                    committed="Partners agreed the next steps at the Promise board.",
                    leads=", ".join(item.lead_organisations) or "Glenmorven Promise board",
                    next_steps="Review again next quarter.",
                    recorded_by=user,
                )
            )
    Assessment.objects.bulk_create(assessments, batch_size=1000)


def _initiatives(ctx, items, today):
    created = {}
    for name, lead, partners, funding, status, months, codes, description in INITIATIVES:
        start = today - timedelta(days=30 * months)
        initiative = Initiative.objects.create(
            partnership=ctx.partnership,
            name=name,
            description=description,
            lead_organisation=ctx.organisations.get(lead),
            start_date=start,
            end_date=today - timedelta(days=60)
            if status == Initiative.Status.FINISHED
            else start + timedelta(days=3 * 365),
            funding_source=funding,
            status=status,
        )
        initiative.partner_organisations.set(
            [ctx.organisations[p] for p in partners if p in ctx.organisations]
        )
        initiative.items.set([items[code] for code in codes if code in items])
        created[name] = initiative
    return created


def _measures(partnership, items, initiatives, today):
    points = []
    for name, unit, question, higher, baseline, target, start, step, codes in MEASURES:
        measure = Measure.objects.create(
            partnership=partnership,
            name=name,
            unit=unit,
            question=question,
            higher_is_better=higher,
            baseline=Decimal(baseline),
            target=Decimal(target),
            source="Glenmorven Council records",
        )
        measure.items.set([items[code] for code in codes if code in items])
        for month in range(12):
            on = today.replace(day=1) - timedelta(days=30 * (11 - month))
            value = Decimal(str(round(start + step * month, 2)))
            note = "New recording form introduced." if month == 6 else ""
            points.append(MeasurePoint(measure=measure, on=on, value=value, note=note))
    MeasurePoint.objects.bulk_create(points)
    listening = Measure.objects.in_partnership(partnership.pk).get(
        name="Listening Circle sessions held"
    )
    listening.initiatives.set([initiatives["Listening Circles"]])


def _stories(partnership, items, initiatives, today, accounts):
    recorder = accounts.get("practitioner")
    for index, (title, text, kind, voice, consent, visibility, anonymised, codes) in enumerate(
        STORIES
    ):
        story = Story.objects.create(
            partnership=partnership,
            title=title,
            text=text,
            kind=kind,
            voice=voice,
            consent=consent,
            visibility=visibility,
            anonymised=anonymised,
            recorded_on=today - timedelta(days=20 + 31 * index),
            recorded_by=recorder,
        )
        story.items.set([items[code] for code in codes if code in items])
