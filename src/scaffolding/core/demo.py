"""The demo coordinator: builds the fictional demo partnership from every app's part.

Each app adds its own part by defining `build_demo(ctx)` in `<app>/demo.py`; `build`
calls them in INSTALLED_APPS order with one shared `DemoContext`. The lowest apps lay
the foundation: accounts the partnership, organisations, teams and sign-ins,
workforce the register of people. Everything above reads them from the context.
The same seed gives the same demo every time.

Other hooks an app's demo module may offer:

- `find_demo()`: the demo partnership if it is loaded, else None (accounts).
- `remove_demo(partnership)`: rows to remove by hand before every row on the tenancy
  base is swept away (called highest app first).
- `remove_demo_foundation(partnership)`: what is left after the sweep, not on the
  tenancy base (accounts: the accounts and the partnership itself).
- `demo_sign_ins()`: (label, email, name) rows to print; `demo_sign_in_notes()`: lines
  to print after them.

This module imports no domain app: it only finds their demo modules.
"""

import importlib
import random
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from typing import Any

from django.apps import apps
from django.db import connection, transaction
from django.db.models import Max

from scaffolding.core import summaries
from scaffolding.core.tenancy import PartnershipQuerySet, tenant_models

DEMO_TODAY = date(2026, 11, 2)


@dataclass
class DemoContext:
    """What app builders share: a seeded RNG, the size asked for, the demo's today, and
    what the apps below have built (the partnership is set by accounts)."""

    rng: random.Random
    size: int
    today: date
    partnership: Any = None
    organisations: dict[str, Any] = field(default_factory=dict)
    teams: dict[str, Any] = field(default_factory=dict)
    role_profiles: dict[str, Any] = field(default_factory=dict)
    people: list[Any] = field(default_factory=list)
    accounts: dict[str, Any] = field(default_factory=dict)
    # Seconds each app's part took, by app label, in the order they ran.
    timings: dict[str, float] = field(default_factory=dict)


def _app_demo_modules(reverse: bool = False):
    """Each app's ``demo`` module, in INSTALLED_APPS order (or reversed)."""
    configs = list(apps.get_app_configs())
    modules = []
    for config in reversed(configs) if reverse else configs:
        if not config.name.startswith("scaffolding.") or config.name == "scaffolding.core":
            continue
        try:
            modules.append(importlib.import_module(f"{config.name}.demo"))
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.demo":
                raise
    return modules


def _hooks(name: str, reverse: bool = False):
    return [getattr(m, name) for m in _app_demo_modules(reverse) if hasattr(m, name)]


def find_demo():
    """The demo partnership, as the app that owns partnerships finds it, or None."""
    return next((found for find in _hooks("find_demo") if (found := find()) is not None), None)


def demo_exists() -> bool:
    return find_demo() is not None


def remove_demo() -> None:
    partnership = find_demo()
    if partnership is None:
        return
    with transaction.atomic():
        # Apps may hold rows that protect people and accounts (the young people's
        # access log among them); they remove their own first, the highest first.
        for remove in _hooks("remove_demo", reverse=True):
            remove(partnership)
        # Records on the tenancy base next, the highest layer first: records about
        # young people point at people in the register through protected keys.
        for model in reversed(tenant_models()):
            # Every row, whatever a manager might hide (as Django's base manager would).
            PartnershipQuerySet(model).in_partnership(partnership.pk).delete()
        # Then what is not on the base: the accounts and the partnership itself.
        for remove in _hooks("remove_demo_foundation", reverse=True):
            remove(partnership)


def insert_rows(model, fields: list[str], rows, *, pks: bool = False, chunk: int = 100_000):
    """Insert plain value rows of one partnership's model (``PartnershipQuerySet.insert_rows``:
    executemany on SQLite, COPY on PostgreSQL), for the big per-person tables: no model
    objects, no signals, no ``save()``. ``rows`` may be a generator: they are sent
    ``chunk`` at a time, so the converted values of millions of rows are never all in
    memory at once. With ``pks=True``, return the new rows' primary keys in the order
    of ``rows``, read back with one query.

    The keys come back in order because both databases hand out ascending keys in the
    order rows arrive (SQLite's AUTOINCREMENT, PostgreSQL's sequence) and the demo's
    partnership is new, inside the build's transaction: its rows above the largest key
    it had before are exactly these.
    """
    queryset = PartnershipQuerySet(model)
    at = fields.index("partnership_id")
    rows = iter(rows)
    partnership_id = before = None
    sent = 0
    while batch := list(islice(rows, chunk)):
        if pks:
            if partnership_id is None:
                partnership_id = batch[0][at]
                scoped = queryset.in_partnership(partnership_id)
                before = scoped.aggregate(top=Max("pk"))["top"] or 0
            if any(row[at] != partnership_id for row in batch):
                raise ValueError("insert_rows(pks=True) takes one partnership's rows at a time.")
        queryset.insert_rows(fields, batch)
        sent += len(batch)
    if not pks:
        return None
    if not sent:
        return []
    new = list(scoped.filter(pk__gt=before).order_by("pk").values_list("pk", flat=True))
    if len(new) != sent:
        raise RuntimeError(f"{model.__name__}: {sent} rows inserted, {len(new)} found.")
    return new


def insert_objects(objs: list, *, pks: bool = False) -> None:
    """Insert unsaved model objects of one model and one partnership as plain rows (see
    `insert_rows`): for big tables whose rows are easier to build as objects, without
    ``bulk_create`` compiling SQL for each. Skips ``save()`` and signals, as
    ``bulk_create`` does; ``auto_now`` and ``auto_now_add`` fields get one time for
    all. With ``pks=True``, each object gets its new key."""
    from django.utils import timezone

    if not objs:
        return
    model = type(objs[0])
    now = timezone.now()
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    stamped = {
        f.attname
        for f in fields
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    }
    names = [f.attname for f in fields]
    rows = [tuple(now if name in stamped else getattr(obj, name) for name in names) for obj in objs]
    new = insert_rows(model, names, rows, pks=pks)
    for obj, pk in zip(objs, new or [], strict=pks):
        obj.pk = pk
        obj._state.adding = False
        obj._state.db = "default"


@transaction.atomic
def build(size: int = 200, seed: int = 2020) -> DemoContext:
    ctx = DemoContext(rng=random.Random(seed), size=size, today=DEMO_TODAY)
    with _big_page_cache():
        for module in _app_demo_modules():
            started = time.perf_counter()
            module.build_demo(ctx)
            ctx.timings[module.__name__.split(".")[-2]] = time.perf_counter() - started
        # App builders insert in bulk, past the signals that keep summaries: work them out once.
        started = time.perf_counter()
        summaries.rebuild(ctx.partnership.pk)
        ctx.timings["summaries"] = time.perf_counter() - started
    return ctx


@contextmanager
def _big_page_cache(kib: int = 512 * 1024):
    """On SQLite, a page cache of up to ``kib`` KiB while the demo is built (the default
    is 2 MiB): millions of rows go into indexes in no particular order, and with a small
    cache each insert reads its index pages from the file again. Memory is taken only as
    pages are read; the connection's own setting comes back afterwards."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        (before,) = cursor.fetchone()
        cursor.execute(f"PRAGMA cache_size = -{int(kib)}")
    yield
    # Not after a failure: the transaction may refuse queries, and the error that
    # matters is the one already on its way.
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA cache_size = {int(before)}")


def app_sign_ins():
    """Every demo sign-in the apps offer, as (label, email, name), to print."""
    return [row for sign_ins in _hooks("demo_sign_ins") for row in sign_ins()]


def sign_in_notes():
    """Lines the apps ask to print after the sign-ins (the shared password)."""
    return [line for notes in _hooks("demo_sign_in_notes") for line in notes()]
