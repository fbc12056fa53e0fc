"""The partnership boundary: the tenancy base scopes reads and refuses cross-partnership rows."""

from datetime import date

import pytest
from django.http import Http404

from scaffolding.core.tenancy import PartnershipOwned, get_for_user, tenant_models
from scaffolding.voice.models import LinkKind, WorkerLink, YoungPerson
from scaffolding.workforce.models import Person

pytestmark = pytest.mark.django_db


def _young_person(partnership, called):
    return YoungPerson.objects.create(
        partnership=partnership,
        full_name=f"{called} Test",
        called=called,
        date_of_birth=date(2014, 5, 1),
    )


def test_for_user_returns_only_the_users_partnership(world):
    mine = _young_person(world.partnership, "Ailsa")
    _young_person(world.other_partnership, "Bryn")
    user = world.users["practitioner"]
    # The test world's own young person (Skye) is in the home partnership too.
    assert set(YoungPerson.objects.for_user(user)) == {mine, world.extra["young_person"]}
    assert list(YoungPerson.objects.for_user(world.outsider)) != [mine]


def test_anonymous_and_partnershipless_users_see_nothing(world):
    from django.contrib.auth.models import AnonymousUser

    _young_person(world.partnership, "Ailsa")
    assert not YoungPerson.objects.for_user(AnonymousUser()).exists()
    assert not YoungPerson.objects.in_partnership(None).exists()


def test_get_for_user_answers_404_across_the_boundary(world):
    theirs = _young_person(world.other_partnership, "Bryn")
    with pytest.raises(Http404):
        get_for_user(world.users["partnership_admin"], YoungPerson.objects, pk=theirs.pk)
    assert get_for_user(world.outsider, YoungPerson.objects, pk=theirs.pk) == theirs


def test_child_rows_copy_the_partnership_from_their_parent(world, django_assert_num_queries):
    young = _young_person(world.partnership, "Ailsa")
    person = Person.objects.filter(partnership=world.partnership).first()
    link = WorkerLink.objects.create(young_person=young, person=person, kind=LinkKind.NAMED_WORKER)
    assert link.partnership_id == world.partnership.pk
    fresh = WorkerLink.objects.get(pk=link.pk)
    with django_assert_num_queries(0):
        assert fresh.partnership_id == world.partnership.pk


def test_a_child_row_cannot_point_across_the_boundary(world):
    young = _young_person(world.partnership, "Ailsa")
    person = Person.objects.filter(partnership=world.partnership).first()
    with pytest.raises(ValueError, match="another partnership"):
        WorkerLink.objects.create(
            young_person=young,
            person=person,
            kind=LinkKind.NAMED_WORKER,
            partnership=world.other_partnership,
        )


def test_young_peoples_models_stand_on_the_tenancy_base():
    names = {model._meta.label for model in tenant_models()}
    assert {"voice.YoungPerson", "voice.WorkerLink"} <= names
    assert all(issubclass(m, PartnershipOwned) for m in tenant_models())


def test_insert_rows_refuses_a_row_without_its_partnership(world):
    from scaffolding.workforce.models import TeamMembership

    person = world.people["practitioner"]
    fields = ["person_id", "team_id", "started_on"]
    with pytest.raises(ValueError, match="partnership_id"):
        TeamMembership.objects.insert_rows(fields, [(person.pk, world.team.pk, date(2026, 1, 5))])
    with pytest.raises(ValueError, match="partnership set"):
        TeamMembership.objects.insert_rows(
            ["partnership_id", *fields], [(None, person.pk, world.team.pk, date(2026, 1, 5))]
        )
    TeamMembership.objects.insert_rows(
        ["partnership_id", *fields],
        [(person.partnership_id, person.pk, world.team.pk, date(2026, 1, 5))],
    )
    saved = TeamMembership.objects.get(person=person, started_on=date(2026, 1, 5))
    assert (saved.partnership_id, saved.ended_on) == (person.partnership_id, None)


def test_insert_rows_reports_a_database_refusal_as_djangos_error(world):
    # On PostgreSQL the rows go through COPY, outside Django's cursor wrapper: a row the
    # database refuses must still raise Django's IntegrityError, so callers can catch it.
    from django.db import IntegrityError, transaction

    from scaffolding.workforce.models import TeamMembership

    person = world.people["practitioner"]
    fields = ["partnership_id", "person_id", "team_id", "started_on"]
    good = (person.partnership_id, person.pk, world.team.pk, date(2026, 2, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        TeamMembership.objects.insert_rows(
            fields, [good, (person.partnership_id, None, world.team.pk, date(2026, 2, 2))]
        )
    assert not TeamMembership.objects.filter(person=person, started_on=date(2026, 2, 1)).exists()
