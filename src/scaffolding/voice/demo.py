"""Demo young people for Glenmorven: stories, shares, About me, views, reads and an override.

Skye (14) has her own sign-in, printed by ``make run``. Mia (6) is too young to
decide, so her named worker decided one share for her, with a date to ask again.
"""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from scaffolding.accounts.models import Role, User

from . import domain
from .accesslog import erasing, record_read
from .models import (
    AccessEvent,
    Audience,
    DecidedAs,
    LinkKind,
    SafetySettings,
    StoryItem,
    WorkerLink,
    YoungPerson,
)

YOUNG_EMAIL = "skye@glenmorven.example"

YOUNG_PEOPLE = [
    # full name, called, pronouns, age in years
    ("Skye Morrison", "Skye", "she/her", 14),
    ("Mia Robertson", "Mia", "she/her", 6),
    ("Jay MacKenzie", "Jay", "they/them", 16),
    ("Rory Campbell", "Rory", "he/him", 10),
]

STORIES = {
    "Skye": [
        ("My first swim race", "I came third. My carer Hamish cheered so loud.", Audience.EVERYONE),
        ("Missing my brother", "I want to see Callum more than once a month.", Audience.NAMED),
        ("Things I keep to myself", "Just for me to read.", Audience.ONLY_ME),
    ],
    "Mia": [("My drawing of home", "A house with a big red door and a cat.", Audience.ONLY_ME)],
    "Jay": [("Moving on at 18", "I want to stay where I am until I am ready.", Audience.EVERYONE)],
    "Rory": [("My football team", "We won the cup on Saturday.", Audience.EVERYONE)],
}


def demo_sign_ins():
    """Printed by `scaffolding demo-data` beside the workforce sign-ins."""
    return [("Young person", YOUNG_EMAIL, "Skye Morrison")]


@transaction.atomic
def build_demo(ctx) -> None:
    worker = ctx.accounts[Role.PRACTITIONER]
    carer = ctx.accounts[Role.FAMILY_CARER]
    SafetySettings.objects.create(
        partnership=ctx.partnership,
        duty_email="duty@glenmorven.example",
        duty_name="Glenmorven duty team",
        next_email="duty.manager@glenmorven.example",
        acknowledge_within_minutes=30,
    )
    from scaffolding.accounts.demo import DEMO_PASSWORD

    for full_name, called, pronouns, years in YOUNG_PEOPLE:
        born = ctx.today - timedelta(days=365 * years + 40)
        young = YoungPerson.objects.create(
            partnership=ctx.partnership,
            full_name=full_name,
            called=called,
            pronouns=pronouns,
            date_of_birth=date(born.year, born.month, min(born.day, 28)),
            created_by=worker,
        )
        domain.link_worker(worker, young, worker.person, LinkKind.NAMED_WORKER)
        domain.link_worker(
            worker, young, carer.person, LinkKind.FAMILY_CARER, parental_responsibility=years < 8
        )
        owner = None
        if called == "Skye":
            owner = User.objects.create_user(
                email=YOUNG_EMAIL,
                password=DEMO_PASSWORD,
                full_name="Skye",
                partnership=ctx.partnership,
                role=Role.YOUNG_PERSON,
            )
            young.account = owner
            young.save(update_fields=["account"])
        acting = owner or worker
        items = []
        for title, text, audience in STORIES[called]:
            item = StoryItem.objects.create(
                young_person=young, title=title, text=text, created_by=acting
            )
            if audience != Audience.ONLY_ME and owner is not None:
                people = [worker.person] if audience == Audience.NAMED else []
                domain.set_share(item, owner, audience=audience, people=people)
            elif audience != Audience.ONLY_ME:
                item.audience = audience
                item.save(update_fields=["audience"])
            items.append(item)
        if called == "Mia":
            domain.set_share(
                items[0],
                worker,
                audience=Audience.EVERYONE,
                on_behalf={
                    "decided_as": DecidedAs.NAMED_WORKER,
                    "reason": "Mia is six. Her carer and I can see her drawing to talk about home.",
                    "ask_again_on": timezone.localdate() + timedelta(days=120),
                },
            )
        if owner is None:
            continue
        domain.save_profile(
            young,
            owner,
            matters="My brother Callum, swimming, and my cat Biscuit.",
            helps="Talking while we walk. Texting before you come.",
            dont_ask="Why I moved from my last home. I have said it lots.",
            how_to_meet="After school, at the cafe by the pool. Not in school.",
        )
        domain.set_share(
            domain.profile_of(young), owner, audience=Audience.NAMED, people=[worker.person]
        )
        views = domain.add_views(
            young,
            owner,
            people=[worker.person],
            meeting="my review in December",
            going_well="Swimming, and I like my carer Hamish.",
            worries="Not seeing Callum enough.",
            want="To see Callum every week.",
            who_there="Hamish, my worker, and Callum if he can.",
            where_when="After school, not in the school building.",
        )
        domain.answer_views(
            views,
            worker,
            decided="Skye and Callum will meet every Saturday at the pool.",
            answer="Everyone agreed with Skye. Hamish will take her each week.",
        )
        record_read(worker, items[0])
        record_read(carer, items[0])
        record_read(worker, views)
        record_read(
            carer,
            items[2],
            override_reason="Skye's school raised a worry today; I needed to check she is safe.",
        )


def remove_demo(partnership) -> None:
    """Called before the demo partnership is removed: its log is erased on purpose."""
    with erasing():
        AccessEvent.objects.in_partnership(partnership.pk).delete()
        StoryItem.objects.in_partnership(partnership.pk).delete()
        WorkerLink.objects.in_partnership(partnership.pk).delete()
        YoungPerson.objects.in_partnership(partnership.pk).delete()
