"""The access log: one insert per read, and the database refuses to change or delete it."""

import pytest
from django.db import DatabaseError, connection, transaction

from scaffolding.voice.accesslog import erasing, record_read
from scaffolding.voice.domain import add_item
from scaffolding.voice.models import AccessEvent, Audience


@pytest.fixture
def item(world):
    young = world.extra["young_person"]
    return add_item(
        young,
        world.users["young_person"],
        title="My bike",
        text="I fixed it.",
        audience=Audience.EVERYONE,
    )


def test_a_read_by_a_worker_is_one_insert(world, item, django_assert_num_queries):
    with django_assert_num_queries(1):
        event = record_read(world.users["practitioner"], item)
    assert event.who == world.users["practitioner"]
    assert event.what_title == "My bike"
    assert event.partnership_id == world.partnership.pk


def test_the_young_persons_own_reads_are_not_logged(world, item, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert record_read(world.users["young_person"], item) is None


@pytest.mark.parametrize(
    "sql",
    ["UPDATE voice_accessevent SET who_name = 'someone else'", "DELETE FROM voice_accessevent"],
)
def test_the_database_refuses_update_and_delete(world, item, sql):
    record_read(world.users["practitioner"], item)
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql)
    assert AccessEvent.objects.get().who_name == "Eilidh Practitioner"


def test_the_model_refuses_too(world, item):
    event = record_read(world.users["practitioner"], item)
    with pytest.raises(ValueError):
        event.save()
    with pytest.raises(ValueError):
        event.delete()


def test_only_erasing_on_purpose_deletes_and_update_stays_refused(world, item):
    record_read(world.users["practitioner"], item)
    with erasing():
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as c:
            c.execute("UPDATE voice_accessevent SET who_name = 'x'")
        with connection.cursor() as c:
            c.execute("DELETE FROM voice_accessevent")
    assert not AccessEvent.objects.exists()
    # The guard is back afterwards.
    record_read(world.users["practitioner"], item)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as c:
        c.execute("DELETE FROM voice_accessevent")
