"""Finding 8: a hung database gives a quick 503, never a 31-second wait."""

import time
from concurrent.futures import ThreadPoolExecutor

from scaffolding.settings import database_settings


def test_postgresql_connections_time_out(monkeypatch):
    monkeypatch.setenv("SCAFFOLDING_DB_CONNECT_TIMEOUT", "2")
    monkeypatch.setenv("SCAFFOLDING_DB_STATEMENT_TIMEOUT_MS", "15000")
    db = database_settings("postgres://u@127.0.0.1:5432/sc")
    assert db["OPTIONS"]["connect_timeout"] == 2
    assert "-c statement_timeout=15000" in db["OPTIONS"]["options"]
    assert "-c lock_timeout=" in db["OPTIONS"]["options"]


def test_sqlite_waits_for_a_lock_only_briefly(tmp_path):
    db = database_settings(f"sqlite:///{tmp_path}/x.sqlite3")
    assert db["OPTIONS"]["timeout"] <= 5
    assert "journal_mode=WAL" in db["OPTIONS"]["init_command"]


def test_healthz_answers_within_a_second_when_the_database_hangs(client, db, monkeypatch):
    from scaffolding.core import views

    def hung():
        time.sleep(3)
        return True

    client.get("/healthz")  # the first request through the stack warms it up
    # A pool and probe of this test's own, so the hung probe holds up no other test.
    monkeypatch.setattr(views, "_probes", ThreadPoolExecutor(max_workers=1))
    monkeypatch.setattr(views, "_running", None)
    monkeypatch.setattr(views, "_database_answers", hung)
    started = time.monotonic()
    response = client.get("/healthz")
    assert response.status_code == 503
    assert time.monotonic() - started < 1.5
    assert response.json()["database"] == "unreachable"
