"""The home page: what needs me today, gathered from each app so no shared list needs editing.

An app offers panels in its AppConfig, as dotted paths to functions:

    home_panels = ["scaffolding.supervision.home.my_supervision"]

Each function takes the request and returns a Panel, or None when it has nothing
for this person (no permission, nothing to do). A panel costs a fixed number of
queries however much data there is; the home page test asserts it.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.utils.module_loading import import_string


@dataclass
class Panel:
    title: str
    template: str  # rendered with `panel` in its context
    context: dict = field(default_factory=dict)
    order: int = 50
    link: str = ""  # where to see everything
    link_text: str = ""


def panel_functions() -> list:
    functions = []
    for config in apps.get_app_configs():
        functions.extend(import_string(path) for path in getattr(config, "home_panels", ()))
    return functions


def panels_for(request) -> list[Panel]:
    if not request.user.is_authenticated:
        return []
    panels = [panel for make in panel_functions() if (panel := make(request)) is not None]
    return sorted(panels, key=lambda panel: (panel.order, panel.title))
