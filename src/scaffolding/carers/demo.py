"""Demo everyday decisions for Glenmorven: Hamish Reid, the demo kinship carer, and his
granddaughter Ellie; a few more households so the figures have something true to show.

If the young people's demo has already linked young people to Hamish, the first of
them is used; otherwise Ellie is added here, with Morag Sinclair (the demo
practitioner) as her social worker.
"""

from datetime import date, timedelta

from django.utils import timezone

from scaffolding.accounts.models import Role
from scaffolding.relationships.models import PersonWhoMatters
from scaffolding.voice.models import LinkKind, WorkerLink, YoungPerson
from scaffolding.workforce.models import Person, Relationship

from . import domain
from .models import Area, Who

DEMO_VIEW = "I want to do what my pals do: sleepovers, the school trip, my own phone."
EXTRA_HOUSEHOLDS = 8
CALLED = ["Ellie", "Callum", "Skye", "Lewis", "Orla", "Ruaridh", "Amira", "Finlay", "Iona"]


def _rules(worker, rng=None, share=1.0):
    rules = []
    for area in Area:
        if area == Area.LOCAL:
            continue
        rule = {"area": area.value, "label": area.label, "who": Who.CARER}
        if area == Area.SCHOOL_TRIPS:
            rule.update(who=Who.WITHIN_LIMITS, limits="Day trips and trips within the UK")
        elif area in (Area.HOLIDAYS_ABROAD, Area.PART_TIME_WORK) or (
            rng is not None and rng.random() > share
        ):
            rule.update(who=Who.ASK, ask_person=worker, answer_within_days=3)
        rules.append(rule)
    rules.append(
        {
            "area": Area.LOCAL,
            "label": "Overnight trips with the Glenmorven shinty club",
            "who": Who.WITHIN_LIMITS,
            "limits": "With the club's coaches, within Scotland",
        }
    )
    return rules


def _agreed(carer, worker, on):
    return [
        {"capacity": "carer", "name": carer.full_name, "person": carer, "agreed_on": on},
        {"capacity": "social_worker", "name": worker.full_name, "person": worker, "agreed_on": on},
        {"capacity": "parental_responsibility", "name": "Glenmorven Council", "agreed_on": on},
    ]


def _household(ctx, carer, worker, called, born):
    child = YoungPerson.objects.create(
        partnership=ctx.partnership,
        full_name=f"{called} {carer.full_name.split()[-1]}",
        called=called,
        date_of_birth=born,
    )
    WorkerLink.objects.create(young_person=child, person=carer, kind=LinkKind.FAMILY_CARER)
    WorkerLink.objects.create(young_person=child, person=worker, kind=LinkKind.SOCIAL_WORKER)
    return child


def build_demo(ctx) -> None:
    today = ctx.today
    carer_user = ctx.accounts.get(Role.FAMILY_CARER)
    worker_user = ctx.accounts.get(Role.PRACTITIONER)
    if carer_user is None or worker_user is None:
        return
    carer = Person.objects.get(user=carer_user)
    worker = Person.objects.get(user=worker_user)
    child = domain.young_people_of(carer, [LinkKind.FAMILY_CARER]).first()
    if child is None:
        child = _household(ctx, carer, worker, "Ellie", date(2013, 4, 17))
    elif not domain.is_linked(worker, child, list(domain.WORKER_KINDS)):
        WorkerLink.objects.create(young_person=child, person=worker, kind=LinkKind.SOCIAL_WORKER)

    common = {"carers": [carer], "by_user": worker_user}
    first = _rules(worker)
    for rule in first:
        if rule["area"] == Area.SLEEPOVERS:
            rule.update(who=Who.ASK, ask_person=worker, answer_within_days=2)
    domain.save_version(
        child,
        rules=first,
        agreed=_agreed(carer, worker, today - timedelta(days=200)),
        young_person_view="I'd like to stay over at my pal's.",
        review_on=today - timedelta(days=20),
        **common,
    )
    domain.save_version(
        child,
        rules=_rules(worker),
        agreed=_agreed(carer, worker, today - timedelta(days=14)),
        young_person_view=DEMO_VIEW,
        review_on=today + timedelta(days=170),
        **common,
    )
    domain.send_ask(
        child,
        asked_by=carer,
        area=Area.SCHOOL_TRIPS,
        question=f"Can {child} go on the school trip to France in the spring?",
        named_person=worker,
    )
    domain.can_i(
        child,
        carer=carer,
        by_user=carer_user,
        area=Area.SLEEPOVERS,
        views={
            "wants": "stay over at Zara's after her birthday party",
            "young_person_view": "Everyone from my class is going. Please!",
            "friends_do": "Most of her class have had sleepovers this year.",
            "good_about_it": "Time with her friends, and being trusted.",
            "worries": "Staying up very late.",
            "worry_kind": "ordinary",
            "safer": "A text at bedtime and collected at ten in the morning.",
            "carer_view": "Happy for her to go. I know Zara's mum.",
        },
        outcome="yes_if",
        outcome_detail="Yes, with a text at bedtime.",
        look_again_on=timezone.localdate() + timedelta(days=60),
    )
    gran = PersonWhoMatters.objects.filter(young_person=child).first() or (
        PersonWhoMatters.objects.create(
            young_person=child, name="Auntie Kirsty", kind="auntie_uncle"
        )
    )
    start = timezone.localdate() + timedelta(days=12)
    domain.plan_short_break(
        carer=carer,
        young_person=child,
        kind="short_break",
        starts_on=start,
        ends_on=start + timedelta(days=2),
        person_who_matters=gran,
        young_person_say="I love going to Kirsty's. She has a dog.",
        by_user=carer_user,
    )
    domain.plan_short_break(
        carer=carer,
        young_person=None,
        kind="time_away",
        starts_on=start,
        ends_on=start + timedelta(days=2),
        notes="A weekend at the fishing with my brother.",
        by_user=carer_user,
    )
    _more_households(ctx, worker, worker_user)


def _more_households(ctx, worker, worker_user):
    """A few more carers with agreements, answered asks and short breaks, for the figures."""
    rng = ctx.rng
    carers = [
        person
        for person in ctx.people
        if person.relationship in (Relationship.FOSTER_CARER, Relationship.KINSHIP_CARER)
        and person.user_id is None
        and person.end_date is None
    ][:EXTRA_HOUSEHOLDS]
    now = timezone.now()
    for index, carer in enumerate(carers):
        child = _household(
            ctx, carer, worker, CALLED[(index + 1) % len(CALLED)], date(2010 + index % 6, 6, 1)
        )
        domain.save_version(
            child,
            carers=[carer],
            rules=_rules(worker, rng, share=0.8),
            agreed=_agreed(carer, worker, ctx.today - timedelta(days=30)),
            young_person_view="Fine, as long as I can still see my friends.",
            review_on=ctx.today + timedelta(days=150),
            by_user=worker_user,
        )
        asked_at = now - timedelta(days=rng.randint(3, 20))
        ask = domain.send_ask(
            child,
            asked_by=carer,
            area=Area.PART_TIME_WORK,
            question=f"Can {child} start a Saturday job at the bakery?",
            now=asked_at,
        )
        domain.answer_ask(
            ask,
            by=worker,
            answer="yes",
            text="Yes, up to four hours on a Saturday.",
            now=asked_at + timedelta(days=rng.randint(0, 5)),
        )
        start = timezone.localdate() + timedelta(days=rng.randint(5, 60))
        known = rng.random() < 0.75
        domain.plan_short_break(
            carer=carer,
            young_person=child,
            kind="sleepover",
            starts_on=start,
            ends_on=start + timedelta(days=1),
            with_name="Gran" if known else "A family from the short breaks list",
            knows_already=known,
            by_user=worker_user,
        )
