"""Young people, links and people who matter for the relationships tests."""

from datetime import date

from scaffolding.accounts.models import Role, User
from scaffolding.voice.models import LinkKind, WorkerLink, YoungPerson


def young_person(world, called="Skye", account=False, born=date(2012, 5, 1), **extra):
    user = None
    if account:
        user = User.objects.create_user(
            email=f"{called.lower()}@young.lochside.example",
            password="a-long-test-password",
            full_name=f"{called} Young",
            partnership=world.partnership,
            role=Role.YOUNG_PERSON,
        )
    return YoungPerson.objects.create(
        partnership=world.partnership,
        account=user,
        full_name=f"{called} Young",
        called=called,
        date_of_birth=born,
        **extra,
    )


def link(young, person, kind=LinkKind.NAMED_WORKER, **extra):
    return WorkerLink.objects.create(young_person=young, person=person, kind=kind, **extra)
