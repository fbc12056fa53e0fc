"""Background jobs through Redis: the RQ backend runs a real job put on a real queue.

Uses the local Redis at 127.0.0.1:6379, database 8 (SCAFFOLDING_TEST_REDIS_URL to
change it); skipped, saying why, only when no Redis answers there.
"""

import os

import pytest
from django.test import override_settings

REDIS_URL = os.environ.get("SCAFFOLDING_TEST_REDIS_URL", "redis://127.0.0.1:6379/8")


@pytest.fixture
def redis_queue():
    from redis import Redis
    from redis.exceptions import ConnectionError as RedisConnectionError

    connection = Redis.from_url(REDIS_URL)
    try:
        connection.ping()
    except RedisConnectionError as error:
        pytest.skip(f"Redis is not reachable at {REDIS_URL}: {error}")
    connection.flushdb()
    rq_queues = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 60}}
    tasks = {"default": {"BACKEND": "django_tasks_rq.RQBackend"}}
    with override_settings(RQ_QUEUES=rq_queues, TASKS=tasks):
        from django_tasks import task_backends

        task_backends._backends = {}  # forget the backend built from the old settings
        yield connection
        task_backends._backends = {}
    connection.flushdb()


def test_settings_choose_the_backend_by_name(monkeypatch):
    from scaffolding import settings

    assert settings.TASK_BACKENDS["redis"] == "django_tasks_rq.RQBackend"
    assert settings.TASK_BACKENDS["database"] == "django_tasks_db.DatabaseBackend"


@pytest.mark.django_db(transaction=True)
def test_a_reminder_job_runs_through_redis(world, redis_queue):
    from datetime import timedelta

    from django.core import mail
    from django.utils import timezone
    from django_rq import get_worker
    from django_tasks.base import TaskResultStatus
    from django_tasks_rq.backend import Job
    from rq import SimpleWorker

    from scaffolding.supervision.tasks import send_supervision_reminders
    from tests.supervision.helpers import held

    practitioner = world.people["practitioner"]
    held(world, practitioner, timezone.localdate() - timedelta(days=90))  # now overdue

    result = send_supervision_reminders.enqueue(days_ahead=2)
    assert result.status == TaskResultStatus.READY
    assert not mail.outbox  # nothing is sent until a worker takes the job from Redis
    assert redis_queue.dbsize() > 0
    # A real RQ worker (in this process, so it shares the test database) empties the queue.
    get_worker("default", worker_class=SimpleWorker, job_class=Job).work(burst=True)
    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL, result.errors
    assert result.return_value["overdue"] >= 1
    assert practitioner.email in [address for message in mail.outbox for address in message.to]
