"""Summary rows the partnership pages read instead of recounting every record.

Each app that keeps summaries offers `rebuild(partnership_id) -> int` (rows written) in
its own `<app>/summaries.py` and keeps them right on every write itself. This module
imports no domain app: it only finds those modules, for the demo builder and for
`scaffolding rebuild-summaries`.
"""

import importlib

from django.apps import apps


def summary_modules():
    """Each app's ``summaries`` module, in INSTALLED_APPS order."""
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("scaffolding.") or config.name == "scaffolding.core":
            continue
        try:
            found.append(importlib.import_module(f"{config.name}.summaries"))
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.summaries":
                raise
    return found


def rebuild(partnership_id: int) -> dict[str, int]:
    """Every summary of one partnership worked out from scratch: {app label: rows}."""
    return {
        module.__name__.split(".")[-2]: module.rebuild(partnership_id)
        for module in summary_modules()
    }
