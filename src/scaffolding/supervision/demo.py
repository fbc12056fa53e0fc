"""Demo supervision for Glenmorven: a year of sessions, agreements, groups, check-ins.

Everything is bulk-inserted so `scaffolding demo-data --size 20000` stays quick. Some
people are overdue and a few have never been supervised, so the dashboards have
something true to show.
"""

from datetime import time, timedelta

from django.utils import timezone

from scaffolding.core.demo import insert_rows

from .models import (
    Agreement,
    Attendance,
    CheckIn,
    Reflection,
    ReflectiveGroup,
    Session,
    SessionKind,
    SignOff,
    SupervisorTraining,
    SupportAction,
    SupportContact,
)

BATCH = 5000
# Where a session row (see `build_demo`) keeps what later parts read.
STATUS, HELD_ON, FACILITATOR, GROUP = 1, 2, 6, 7
SESSION_FIELDS = [
    "kind",
    "status",
    "held_on",
    "start_time",
    "length_minutes",
    "location",
    "facilitator_id",
    "group_id",
    "summary",
]
HISTORY_DAYS = 365

SUMMARIES = [
    "Talked about how the children are settling and what helps at bedtime.",
    "Time to think about a hard week; agreed to take the afternoon back.",
    "Thought together about keeping brothers and sisters together at weekends.",
    "Talked about the words we use in reports and how they feel to the children.",
    "Reflected on a sleepover request and how to say yes safely.",
    "Went over the learning plan and what would help most this year.",
    "Talked about the children's rights to be heard at their review.",
]
OTHER_KINDS = [
    SessionKind.COACHING,
    SessionKind.MENTORING,
    SessionKind.PEER_SUPPORT,
    SessionKind.DEBRIEF,
]
GROUP_TEAMS = {
    "Bridgeview House": "Bridgeview House reflection and action-learning forum",
    "Larchfield House": "Larchfield House reflection and action-learning forum",
    "Kilbride Academy": "Kilbride Academy staff supervision circle",
    "Foster Carers": "Foster carers' reflective space",
    "Family Mentoring": "Mentors' reflective space",
}
TRAINING = [
    ("Reflective supervision in practice", "Glenmorven Learning and Development"),
    ("Trauma-informed supervision", "NHS Education for Scotland"),
    ("Supervising family carers", "Glenmorven Family Carers"),
]


def build_demo(ctx) -> None:
    # Dates run back from the later of the demo's fixed day and the real today, so
    # a demo loaded today shows people as up to date, due, overdue or never, not all
    # overdue. The random draws (and so the shape of the data) are the same each time.
    ctx.supervision_today = max(ctx.today, timezone.localdate())
    rng, today = ctx.rng, ctx.supervision_today
    current = [p for p in ctx.people if p.end_date is None or p.end_date > today]
    leaders = [p for p in ctx.people if p.supervisor_id is None]
    by_pk = {p.pk: p for p in ctx.people}
    accounts = ctx.accounts
    account_people = {p.user_id: p for p in ctx.people if p.user_id}
    demo_supervisor = account_people.get(getattr(accounts.get("supervisor"), "pk", None))
    demo_practitioner = account_people.get(getattr(accounts.get("practitioner"), "pk", None))
    demo_carer = account_people.get(getattr(accounts.get("family_carer"), "pk", None))
    showcase = {p.pk for p in (demo_supervisor, demo_practitioner, demo_carer) if p}

    # Plain rows, not model objects (a 200,000-person demo has about two million
    # sessions): sessions[i] = (kind, status, held on, start time, length, where,
    # facilitator's key, group's key, summary); attendees[i] = [(person, attended)].
    sessions, attendees = [], []

    def add(kind, held_on, facilitator_id, people, status=None, summary=None, group=None):
        if status is None:
            if held_on > today:
                status = Session.Status.SCHEDULED
            elif held_on > today - timedelta(days=10):
                status = Session.Status.DRAFT
            else:
                status = Session.Status.AGREED
        start_time = time(rng.choice([9, 10, 11, 13, 14, 15]), rng.choice([0, 30]))
        length_minutes = rng.choice([60, 60, 90]) if kind != SessionKind.DEBRIEF else 30
        location = rng.choice(["Team base, quiet room", "Online", "Family centre"])
        if summary is None:
            summary = "" if status == Session.Status.SCHEDULED else rng.choice(SUMMARIES)
        sessions.append(
            (
                kind,
                status,
                held_on,
                start_time,
                length_minutes,
                location,
                facilitator_id,
                group.pk if group is not None else None,
                summary,
            )
        )
        attendees.append(people)

    # One-to-one rhythm for everyone with a supervisor, some overdue, a few never.
    for person in current:
        if person.supervisor_id is None:
            continue
        cadence_days = person.supervision_cadence_days(today)
        if cadence_days is None:
            continue
        roll = rng.random()
        if roll < 0.03 and person.pk not in showcase:
            continue  # never supervised
        overdue = roll < 0.13 and person.pk not in showcase
        last = today - timedelta(
            days=cadence_days + rng.randint(5, 60) if overdue else rng.randint(1, cadence_days - 3)
        )
        held_on = last
        earliest = max(person.start_date, today - timedelta(days=HISTORY_DAYS))
        while held_on >= earliest:
            kind = SessionKind.ONE_TO_ONE if rng.random() < 0.85 else rng.choice(OTHER_KINDS)
            add(kind, held_on, person.supervisor_id, [(person, True)])
            held_on -= timedelta(days=cadence_days + rng.randint(-3, 5))
        if not overdue and rng.random() < 0.5:
            upcoming = last + timedelta(days=cadence_days)
            if upcoming > today:
                add(SessionKind.ONE_TO_ONE, upcoming, person.supervisor_id, [(person, True)])

    # Team leaders and supervising social workers have coaching from another leader.
    if len(leaders) > 1:
        for index, leader in enumerate(leaders):
            coach = leaders[(index + 1) % len(leaders)]
            held_on = today - timedelta(days=rng.randint(1, 40))
            if rng.random() < 0.15:
                held_on -= timedelta(days=60)
            while held_on >= today - timedelta(days=HISTORY_DAYS):
                add(SessionKind.COACHING, held_on, coach.pk, [(leader, True)])
                held_on -= timedelta(days=28 + rng.randint(0, 14))

    _build_groups(ctx, current, leaders, add)
    _showcase(ctx, demo_supervisor, demo_practitioner, demo_carer, add)

    session_pks = _insert_sessions(ctx, sessions, attendees, showcase, by_pk)
    partnership_id = ctx.partnership.pk
    insert_rows(
        Attendance,
        ["partnership_id", "session_id", "person_id", "attended"],
        (
            (partnership_id, session_pk, person.pk, attended)
            for session_pk, people in zip(session_pks, attendees, strict=True)
            for person, attended in people
        ),
    )
    # Agreed records were agreed by everyone who took part. Only people who can sign
    # in ever see who agreed, so only their records carry the agreements (keeps
    # `--size 20000` quick).
    signing_in = {p.pk for p in ctx.people if p.user_id}
    agreed_at = timezone.now()
    insert_rows(
        SignOff,
        ["partnership_id", "session_id", "person_id", "version", "agreed_at"],
        [
            (partnership_id, session_pk, person_pk, 1, agreed_at)
            for session_pk, row, people in zip(session_pks, sessions, attendees, strict=True)
            if row[STATUS] == Session.Status.AGREED
            and (row[FACILITATOR] in signing_in or any(p.pk in signing_in for p, _ in people))
            for person_pk in {row[FACILITATOR], *(p.pk for p, came in people if came)}
        ],
    )
    _agreements(ctx, current, showcase)
    _check_ins(ctx, current, demo_practitioner, demo_carer)
    _reflections(ctx, demo_practitioner, demo_carer)
    _training(ctx, leaders, demo_supervisor)
    _support_contacts(ctx)


def _support_contacts(ctx):
    SupportContact.objects.bulk_create(
        [
            SupportContact(
                partnership=ctx.partnership,
                name="Glenmorven Employee Assistance",
                helps_with="Free, confidential counselling for you and your family, any time.",
                phone="0800 028 1234",
                web="https://eap.glenmorven.example/",
                order=1,
            ),
            SupportContact(
                partnership=ctx.partnership,
                name="Occupational Health",
                helps_with="Support to stay well at work, or to come back after time off.",
                email="occhealth@glenmorven.example",
                order=2,
            ),
            SupportContact(
                partnership=ctx.partnership,
                name="Peer support after a hard day",
                helps_with="A colleague trained to listen, within a day of asking.",
                phone="01234 567 890",
                order=3,
            ),
        ]
    )


def _build_groups(ctx, current, leaders, add):
    rng, today = ctx.rng, ctx.supervision_today
    made = []
    for team_name, group_name in GROUP_TEAMS.items():
        team = ctx.teams.get(team_name)
        if team is None:
            continue
        members = [p for p in current if p.team_id == team.pk and p.supervisor_id is not None]
        facilitators = [p for p in leaders if p.team_id == team.pk]
        if len(members) < 2 or not facilitators:
            continue
        members = members[:14]
        group = ReflectiveGroup.objects.create(
            partnership=ctx.partnership,
            name=group_name,
            purpose="Time together to think about the children, the work and ourselves.",
            facilitator=facilitators[0],
            rhythm_days=28,
        )
        group.members.set(members)
        made.append(group)
        held_on = today - timedelta(days=rng.randint(2, 20))
        while held_on >= today - timedelta(days=HISTORY_DAYS):
            add(
                SessionKind.GROUP,
                held_on,
                facilitators[0].pk,
                [(person, rng.random() < 0.8) for person in members],
                group=group,
            )
            held_on -= timedelta(days=28)
        add(
            SessionKind.GROUP,
            held_on + timedelta(days=28 * 14),
            facilitators[0].pk,
            [(person, True) for person in members],
            group=group,
        )
    return made


def _showcase(ctx, supervisor, practitioner, carer, add):
    """Recent sessions with full records for the demo accounts."""
    today = ctx.supervision_today
    if supervisor and practitioner:
        add(
            SessionKind.ONE_TO_ONE,
            today - timedelta(days=4),
            supervisor.pk,
            [(practitioner, True)],
            status=Session.Status.DRAFT,
            summary=(
                "Morag talked about Skye's first week back at school and how proud Skye was "
                "of the photo wall in her room. We agreed Morag takes Friday afternoon back "
                "after three late evenings."
            ),
        )
        add(
            SessionKind.DEBRIEF,
            today - timedelta(days=12),
            supervisor.pk,
            [(practitioner, True)],
            summary="A hard day at the children's hearing. Time to talk it through together.",
        )
        add(
            SessionKind.ONE_TO_ONE, today + timedelta(days=9), supervisor.pk, [(practitioner, True)]
        )
    if carer and carer.supervisor_id:
        add(
            SessionKind.ONE_TO_ONE,
            today - timedelta(days=6),
            carer.supervisor_id,
            [(carer, True)],
            summary=(
                "Hamish talked about his grandson's wish to see his dad more often and the "
                "new football club. We agreed to ask about a weekend with his sister."
            ),
        )


def _insert_sessions(ctx, sessions, attendees, showcase, by_pk):
    """Insert the session rows, the showcase ones with their prompt notes, themes and
    support actions; returns the sessions' keys in the order of `sessions`."""
    practitioner_notes = {
        "feeling_loved": "Skye asked Morag to come to the school show.",
        "rights": "Skye wants to speak for herself at the next review.",
        "relationships": "Time with her brother every Saturday matters most to her.",
        "wellbeing": "Tired after late evenings, but glad to be doing this work.",
        "support_needed": "Time back, and someone to talk to after hearings.",
    }
    carer_notes = {
        "feeling_loved": "He tells his grandad he loves him at bedtime now.",
        "relationships": "Seeing his dad and his big sister matters most to him.",
        "ordinary_childhood": "Football club on Saturdays; a sleepover at a friend's next month.",
        "wellbeing": "Tired, and proud of him.",
    }
    themes = ["feeling_loved", "relationships", "wellbeing", "workload"]
    # Different next steps from session to session, as real records would have.
    worker_steps = [
        "Ask about a weekend together for the brothers and sisters",
        "Find out which after-school club they would like to try",
        "Talk with the school about a quiet space at lunchtime",
        "Ask how they would like their next review to run",
        "Check the bus pass arrives before the holidays",
    ]
    facilitator_steps = {
        False: ["Take Friday afternoon back", "Book a debrief after the hearing"],
        True: ["Arrange a carers' support group place", "Share the short breaks leaflet"],
    }
    # One empty dict and list for every other session: insert_rows converts each object once.
    NO_NOTES, NO_THEMES = {}, []  # noqa: N806
    recent = ctx.supervision_today - timedelta(days=30)
    # Recent records of the demo accounts' own one-to-ones: index, and is it a carer's.
    shown = [
        (index, by_pk[people[0][0].pk].relationship == "kinship_carer")
        for index, (row, people) in enumerate(zip(sessions, attendees, strict=True))
        if row[HELD_ON] >= recent
        and row[GROUP] is None
        and row[STATUS] != Session.Status.SCHEDULED
        and any(p.pk in showcase for p, _ in people)
    ]
    notes = {index: carer_notes if carer else practitioner_notes for index, carer in shown}
    partnership_id = ctx.partnership.pk
    now = timezone.now()
    pks = insert_rows(
        Session,
        ["partnership_id", *SESSION_FIELDS, "prompt_notes", "themes", "created_at", "updated_at"],
        (
            (
                partnership_id,
                *row,
                notes.get(index, NO_NOTES),
                themes if index in notes else NO_THEMES,
                now,
                now,
            )
            for index, row in enumerate(sessions)
        ),
        pks=True,
    )
    actions = []
    for index, carer in shown:
        row, person = sessions[index], attendees[index][0][0]
        actions.append(
            SupportAction(
                session_id=pks[index],
                partnership_id=partnership_id,
                description=facilitator_steps[carer][len(actions) // 2 % 2],
                owner_id=row[FACILITATOR],
                due_on=row[HELD_ON] + timedelta(days=7),
            )
        )
        actions.append(
            SupportAction(
                session_id=pks[index],
                partnership_id=partnership_id,
                description=worker_steps[len(actions) // 2 % len(worker_steps)],
                owner_id=person.pk,
                due_on=row[HELD_ON] + timedelta(days=21),
            )
        )
    SupportAction.objects.bulk_create(actions, batch_size=BATCH)
    return pks


def _agreements(ctx, current, showcase):
    rng = ctx.rng
    partnership_id, now = ctx.partnership.pk, timezone.now()
    agreements = []
    for person in current:
        if person.supervisor_id is None or (person.pk not in showcase and rng.random() > 0.3):
            continue
        starts_on = ctx.supervision_today - timedelta(days=rng.randint(30, 700))
        agreements.append((partnership_id, person.pk, person.supervisor_id, starts_on, now))
    insert_rows(
        Agreement,
        [
            "partnership_id",
            "supervisee_id",
            "supervisor_id",
            "starts_on",
            "updated_at",
            "frequency",
            "location",
            "length_minutes",
            "supervisee_brings",
            "supervisor_brings",
            "disagreements",
            "personal_matters",
        ],
        [(*row, *AGREED_WORDS) for row in agreements],
    )


# What every demo agreement says: frequency, location, length, what each brings,
# disagreements, personal matters.
AGREED_WORDS = (
    "Every four weeks, and sooner after a hard day",
    "A quiet room at the team base, or online if that suits better",
    60,
    "What is on my mind about the children and about me.",
    "Protected time, attention, and support to act.",
    "We say so openly, look for a way together, and ask the "
    "service manager to help if we cannot agree.",
    "Personal matters are talked about separately and never used in decisions about practice.",
)


def _check_ins(ctx, current, practitioner, carer):
    rng, today = ctx.rng, ctx.supervision_today
    rows = []  # (person, checked on, feeling, workload, supported, note)
    for person in current:
        if person in (practitioner, carer) or rng.random() > 0.4:
            continue
        for _ in range(rng.randint(1, 4)):
            checked_on = today - timedelta(days=rng.randint(0, 80))
            feeling = rng.choices([1, 2, 3, 4, 5], weights=[1, 3, 6, 6, 3])[0]
            workload = rng.choices([1, 2, 3, 4], weights=[2, 4, 6, 2])[0]
            supported = rng.choices([0, 1, 2], weights=[1, 3, 6])[0]
            rows.append((person.pk, checked_on, feeling, workload, supported, ""))
    for person, pattern in ((practitioner, [3, 2, 2, 3, 4, 3, 4, 4]), (carer, [4, 3, 3, 4])):
        if person is None:
            continue
        for index, feeling in enumerate(pattern):
            rows.append(
                (
                    person.pk,
                    today - timedelta(days=7 * (len(pattern) - index)),
                    feeling,
                    2 if feeling < 3 else 3,
                    2 if feeling > 2 else 1,
                    "Late evenings this week." if feeling < 3 else "",
                )
            )
    partnership_id, now = ctx.partnership.pk, timezone.now()
    insert_rows(
        CheckIn,
        [
            "partnership_id",
            "person_id",
            "checked_on",
            "feeling",
            "workload",
            "supported",
            "note",
            "created_at",
        ],
        [(partnership_id, *row, now) for row in rows],
    )


def _reflections(ctx, practitioner, carer):
    entries = []
    if practitioner:
        entries += [
            Reflection(
                partnership=ctx.partnership,
                author=practitioner,
                text="I noticed I was rushing Skye's story at the review. Next time I'll "
                "ask her what she wants said first.",
                shared_with_supervisor=True,
            ),
            Reflection(
                partnership=ctx.partnership,
                author=practitioner,
                text="Felt heavy after the hearing. Walked home the long way; it helped.",
            ),
        ]
    if carer:
        entries.append(
            Reflection(
                partnership=ctx.partnership,
                author=carer,
                text="He laughed at dinner tonight for the first time in weeks.",
            )
        )
    Reflection.objects.bulk_create(entries)


def _training(ctx, leaders, supervisor):
    rng = ctx.rng
    records = []
    for leader in leaders:
        if leader != supervisor and rng.random() > 0.75:
            continue  # some supervise without recorded training: the report shows them
        title, provider = rng.choice(TRAINING)
        records.append(
            SupervisorTraining(
                partnership=ctx.partnership,
                person_id=leader.pk,
                title=title,
                provider=provider,
                completed_on=ctx.supervision_today - timedelta(days=rng.randint(60, 1500)),
            )
        )
    SupervisorTraining.objects.bulk_create(records, batch_size=BATCH)
