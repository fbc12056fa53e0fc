"""Find and compute the live measures every installed Scaffolding app offers.

An app offers them as ``LIVE_MEASURES`` in ``scaffolding.<app>.measures`` (see the
contract in the design notes); apps without that module are skipped.
"""

import importlib
import logging
from dataclasses import dataclass

from django.apps import apps

logger = logging.getLogger(__name__)

QUESTIONS = {
    "how_much": "How much did we do?",
    "how_well": "How well did we do it?",
    "better_off": "Is anyone better off?",
}


@dataclass
class LiveValue:
    key: str
    name: str
    unit: str
    question: str
    higher_is_better: bool
    app: str
    numerator: int
    denominator: int

    @property
    def percent(self) -> float | None:
        if not self.denominator:
            return None
        return round(100 * self.numerator / self.denominator, 1)

    @property
    def shown(self) -> str | None:
        """The figure in words: a percentage, or a rate such as "0.42 moves per young person"."""
        if not self.denominator:
            return None
        if self.unit == "%":
            return f"{self.percent}%"
        return f"{self.numerator / self.denominator:.2f} {self.unit}"

    @property
    def question_label(self) -> str:
        return QUESTIONS.get(self.question, self.question)


def discover(name: str = "LIVE_MEASURES") -> list[tuple[str, dict]]:
    """(app label, definition) for every entry of ``name`` in the apps' measures modules."""
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("scaffolding."):
            continue
        module_name = f"{config.name}.measures"
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
            continue
        for definition in getattr(module, name, []):
            found.append((config.verbose_name or config.label, definition))
    return found


def compute_all(partnership_id: int, on) -> list[LiveValue]:
    values = []
    for app, definition in discover():
        numerator, denominator = definition["compute"](partnership_id, on)
        values.append(
            LiveValue(
                key=definition["key"],
                name=definition["name"],
                unit=definition.get("unit", "%"),
                question=definition.get("question", "how_well"),
                higher_is_better=definition.get("higher_is_better", True),
                app=app,
                numerator=int(numerator),
                denominator=int(denominator),
            )
        )
    return values


@dataclass
class ItemFlag:
    """Something an app knows that stands against a framework item (by its code)."""

    item_code: str
    text: str
    app: str
    items: list


def item_flags(partnership_id: int) -> list[ItemFlag]:
    """Flags the apps raise against items (``ITEM_FLAGS`` in their measures module).

    Each definition is ``{"item_code": ..., "compute": f(partnership_id) -> [text, ...]}``.
    The partnership's items with that code are attached, so a flag links to them.
    """
    from .models import FrameworkItem

    raised = []
    for app, definition in discover("ITEM_FLAGS"):
        for text in definition["compute"](partnership_id):
            raised.append(ItemFlag(definition["item_code"], text, app, []))
    if raised:
        items = (
            FrameworkItem.objects.in_partnership(partnership_id)
            .filter(code__in={flag.item_code for flag in raised})
            .select_related("framework")
        )
        for item in items:
            for flag in raised:
                if flag.item_code == item.code:
                    flag.items.append(item)
    return raised
