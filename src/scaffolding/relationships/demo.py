"""Demo relationships for the fictional partnership: who matters to each young person.

Uses the young people the voice demo made, and makes more (linked to demo workers)
until there are enough to count; on its own, the first few are linked to the demo
practitioner and family carer. Everything is
bulk-inserted. The live measures (brothers and sisters living together, moves,
trusted adults) are then counted from these rows, not typed in.
"""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from scaffolding.accounts.models import Role
from scaffolding.core.demo import insert_objects, insert_rows
from scaffolding.voice.models import LinkKind, WorkerLink, YoungPerson

from .models import (
    KeptRelationship,
    Kind,
    LocalPolicy,
    Move,
    PersonWhoMatters,
    Settings,
    StayingInTouchPlan,
    TimeTogether,
    Wants,
)

GRAN_NAMES = ["Gran", "Granny Mags", "Nana", "Grandad Jim", "Papa"]
AUNTIE_NAMES = ["Auntie Lorraine", "Uncle Davie", "Auntie Fiona", "Uncle Sandy"]
FRIENDS = ["Ruby", "Ethan", "Zara", "Leo", "Maisie", "Kai", "Erin", "Logan"]
PETS = ["Biscuit (dog)", "Pepper (cat)", "Nibbles (rabbit)", "Sparky (dog)"]
COACHES = ["Coach Ali (football)", "Jen at the dance club", "Mr Munro (boxing club)"]
TEACHERS = ["Mrs Kerr", "Mr Patel", "Ms Drummond"]
APART_REASONS = [
    "Callum lives with his dad in Aberdeen.",
    "Her big sister is 19 and has her own flat.",
    "There was no home for all four of them together when they moved.",
    "He lives with their gran.",
]
HOW_OFTEN = ["Every Saturday", "Twice a month", "Every school holiday", "On video calls each week"]
WHO_HELPS = ["My worker drives me", "Gran picks me up", "My carer books the family room"]
WHAT = [
    "Went to the park",
    "Had tea at Gran's",
    "Went swimming",
    "Video call",
    "Baked a cake",
    "Went to the cinema",
    "Walked the dog on the beach",
]
POLICIES = [
    (
        "Staff keeping in touch after leaving",
        "Whether workers who leave may send cards or visit young people they knew.",
        LocalPolicy.Stance.BLANKET_BAN,
    ),
    (
        "Overnight stays with friends",
        "Sleepovers at friends' houses without checks on every adult in the home.",
        LocalPolicy.Stance.ENABLING,
    ),
    (
        "Visits by people who used to look after a child",
        "Former foster and kinship carers visiting or taking a young person out.",
        LocalPolicy.Stance.CONDITIONAL,
    ),
    (
        "Mobile phones in residential houses",
        "Young people keeping their phones at night to call family.",
        LocalPolicy.Stance.ENABLING,
    ),
]


def _at(day: date):
    return timezone.make_aware(datetime.combine(day, time(12)))


def _young_people(ctx):
    existing = list(YoungPerson.objects.in_partnership(ctx.partnership.pk).order_by("pk"))
    rng, today = ctx.rng, ctx.today
    count = max(12, ctx.size // 10) - len(existing)
    if count <= 0:
        return existing
    names = ["Skye", "Rory", "Ava", "Finn", "Leah", "Jamie", "Nina", "Kyle", "Ellie", "Sami"]
    taken = {young.called for young in existing}
    names = [name for name in names if name not in taken] or names
    young = [
        YoungPerson(
            partnership=ctx.partnership,
            full_name=f"{names[index % len(names)]} {rng.choice(['Reid', 'Boyd', 'Shaw', 'Kerr'])}",
            called=names[index % len(names)],
            date_of_birth=today - timedelta(days=rng.randint(6 * 365, 17 * 365)),
            created_at=_at(today - timedelta(days=rng.randint(30, 4 * 365))),
        )
        for index in range(count)
    ]
    YoungPerson.objects.bulk_create(young)
    workers = [p for p in ctx.people if p.end_date is None and p.supervisor_id]
    practitioner = getattr(ctx.accounts.get(Role.PRACTITIONER), "person", None)
    carer = getattr(ctx.accounts.get(Role.FAMILY_CARER), "person", None)
    links = []
    for index, person in enumerate(young):
        first = index < 4 and not existing  # the demo accounts' own, when nobody else made any
        worker = practitioner if first and practitioner else rng.choice(workers)
        linked_on = today - timedelta(days=rng.randint(20, 3 * 365))
        links.append(
            WorkerLink(
                partnership=ctx.partnership,
                young_person=person,
                person=worker,
                kind=LinkKind.NAMED_WORKER,
                linked_at=_at(linked_on),
            )
        )
        if index in (0, 1) and first and carer:
            links.append(
                WorkerLink(
                    partnership=ctx.partnership,
                    young_person=person,
                    person=carer,
                    kind=LinkKind.FAMILY_CARER,
                    linked_at=_at(linked_on),
                )
            )
    WorkerLink.objects.bulk_create(links)
    return existing + young


def build_demo(ctx):
    rng, today, partnership = ctx.rng, ctx.today, ctx.partnership
    Settings.objects.create(partnership=partnership, emergency_review_days=7)
    young_people = _young_people(ctx)

    people = []
    for young in young_people:
        added = _at(today - timedelta(days=rng.randint(60, 700)))

        def matters(name, kind, young=young, added=added, **extra):
            extra.setdefault("wants", rng.choice([Wants.MORE, Wants.SAME, Wants.SAME, ""]))
            extra.setdefault("how_often", rng.choice(HOW_OFTEN))
            extra.setdefault("who_helps", rng.choice(WHO_HELPS))
            people.append(
                PersonWhoMatters(
                    partnership=partnership,
                    young_person=young,
                    name=name,
                    kind=kind,
                    added_at=added,
                    **extra,
                )
            )

        matters(rng.choice(GRAN_NAMES), Kind.GRANDPARENT)
        matters("Mum", Kind.PARENT, wants=rng.choice([Wants.MORE, Wants.SAME, Wants.NOT_NOW]))
        for _ in range(rng.choice([0, 1, 1, 2, 3])):
            together = rng.random() < 0.6
            matters(
                rng.choice(["Callum", "Lily", "Josh", "Amber", "Ryan", "Mia"]),
                Kind.SIBLING,
                lives_together=together,
                apart_reason="" if together else rng.choice(APART_REASONS),
            )
        matters(rng.choice(FRIENDS), Kind.FRIEND)
        if rng.random() < 0.5:
            matters(rng.choice(AUNTIE_NAMES), Kind.AUNTIE_UNCLE)
        if rng.random() < 0.5:
            matters(rng.choice(PETS), Kind.PET, who_helps="", how_often="Every day")
        if rng.random() < 0.4:
            matters(rng.choice(COACHES), Kind.COACH)
        if rng.random() < 0.3:
            matters(rng.choice(TEACHERS), Kind.TEACHER)
        if rng.random() < 0.3:
            matters("Sandra and Ian", Kind.FORMER_CARER, wants=Wants.MORE)
        if rng.random() < 0.1:
            matters(
                "Old friend from primary",
                Kind.FRIEND,
                ended_at=_at(today - timedelta(days=40)),
                ended_reason="We do not talk any more.",
            )
    insert_objects(people, pks=True)

    times = []  # plain rows: a 200,000-person demo has about 400,000 times together
    for person in people:
        if person.ended_at or person.kind in (Kind.PET, Kind.TEACHER):
            continue
        for _ in range(rng.randint(1, 6)):
            on = today - timedelta(days=rng.randint(1, 360))
            times.append((person.young_person_id, person.pk, on, rng.choice(WHAT)))
    recorded_at = timezone.now()
    insert_rows(
        TimeTogether,
        ["partnership_id", "young_person_id", "with_whom_id", "on", "what", "recorded_at"],
        [(partnership.pk, *row, recorded_at) for row in times],
    )

    _moves(ctx, young_people, people)
    _plans(ctx, young_people)
    LocalPolicy.objects.bulk_create(
        [
            LocalPolicy(
                partnership=partnership,
                title=title,
                covers=covers,
                stance=stance,
                review_on=today + timedelta(days=rng.randint(-30, 300)),
            )
            for title, covers, stance in POLICIES
        ]
    )


def _moves(ctx, young_people, people):
    rng, today, partnership = ctx.rng, ctx.today, ctx.partnership
    by_young = {}
    for person in people:
        if person.ended_at is None:
            by_young.setdefault(person.young_person_id, []).append(person)
    moves, kept = [], []
    for index, young in enumerate(young_people):
        if index % 3:
            continue
        # The first move is planned and the second an emergency, whatever the seed.
        emergency = index % 2 == 1 or (index > 0 and rng.random() < 0.3)
        moved_on = today - timedelta(days=rng.randint(3, 330))
        move = Move(
            partnership=partnership,
            young_person=young,
            kind=Move.Kind.EMERGENCY if emergency else Move.Kind.PLANNED,
            moved_on=moved_on,
            from_home="Bridgeview House" if emergency else "Foster home in Kilbride",
            to_home="Larchfield House" if emergency else "Kinship home with Gran",
            school="Same school; a taxi each morning",
            belongings="Everything in their room, packed with them",
            pets="",
            moving_with="",
        )
        has_plan = not emergency or rng.random() < 0.6
        if has_plan:
            move.told_on = moved_on - timedelta(days=1 if emergency else 28)
            move.how_told = "Their worker and carer told them together, with time for questions."
            move.what_they_wanted = "To stay at the same school and keep seeing their gran."
            move.plan_recorded_at = _at(moved_on - timedelta(days=0 if emergency else 20))
        else:
            move.plan_due_by = moved_on + timedelta(days=14)
        if emergency:
            move.review_due_by = moved_on + timedelta(days=7)
            if moved_on + timedelta(days=7) < today or rng.random() < 0.5:
                move.reviewed_on = moved_on + timedelta(days=rng.choice([3, 5, 6, 9, 12]))
                move.review_notes = "Settling in; family time with Gran kept every Sunday."
        moves.append(move)
        for person in by_young.get(young.pk, [])[:2] if has_plan else []:
            kept.append((move, person))
    Move.objects.bulk_create(moves)
    KeptRelationship.objects.bulk_create(
        [
            KeptRelationship(
                partnership=partnership, move=move, person=person, how="Every Sunday, as before"
            )
            for move, person in kept
        ]
    )


def _plans(ctx, young_people):
    """Two staying-in-touch plans for the demo supervisor: one open, one agreed."""
    supervisor = getattr(ctx.accounts.get(Role.SUPERVISOR), "person", None)
    if supervisor is None:
        return
    supervisees = [p for p in ctx.people if p.supervisor_id == supervisor.pk]
    if not supervisees or len(young_people) < 2:
        return
    moving = supervisees[-1]
    WorkerLink.objects.bulk_create(
        [
            WorkerLink(
                partnership=ctx.partnership,
                young_person=young,
                person=moving,
                kind=LinkKind.RESIDENTIAL_WORKER,
                linked_at=_at(ctx.today - timedelta(days=400)),
            )
            for young in young_people[-2:]
        ]
    )
    plans = [
        StayingInTouchPlan(
            partnership=ctx.partnership,
            young_person=young_people[-1],
            person=moving,
            person_name=moving.full_name,
            reason=StayingInTouchPlan.Reason.MOVED_ON,
            moving_on_date=ctx.today + timedelta(days=21),
            assigned_to=supervisor,
            created_at=_at(ctx.today - timedelta(days=2)),
        ),
        StayingInTouchPlan(
            partnership=ctx.partnership,
            young_person=young_people[-2],
            person=moving,
            person_name=moving.full_name,
            reason=StayingInTouchPlan.Reason.MOVED_ON,
            moving_on_date=ctx.today + timedelta(days=21),
            assigned_to=supervisor,
            created_at=_at(ctx.today - timedelta(days=2)),
            status=StayingInTouchPlan.Status.AGREED,
            what_they_want="To get a card on their birthday and hear how the new job goes.",
            how_it_continues="A card at birthdays and at Christmas, sent through their worker.",
            agreed_at=_at(ctx.today - timedelta(days=1)),
        ),
    ]
    StayingInTouchPlan.objects.bulk_create(plans)
