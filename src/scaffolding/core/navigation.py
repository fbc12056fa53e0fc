"""Site navigation, gathered from each app so no shared list needs editing.

An app lists what it offers in its AppConfig:

    navigation = [NavItem("People", "workforce:people", "workforce.list_people", order=20,
                          description="Who the workforce is.")]

A person sees an item only when they have its permission. An app may also set
`navigation_filter` (a callable taking the user and the item's URL name) to hide
items its own rules keep from someone, so the menu never offers a page that refuses.
"""

from dataclasses import dataclass

from django.apps import apps
from django.urls import reverse

# Headings in the phone menu, in this order, for a role with more than SECTIONS_FROM items.
SECTIONS = (
    "Your work",
    "Supervision",
    "Workforce and learning",
    "Progress and figures",
    "The partnership",
)
SECTIONS_FROM = 8


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    permission: str
    order: int = 50
    description: str = ""
    # The heading it sits under in the phone menu when a role has many items.
    section: str = ""


def all_items() -> list[NavItem]:
    items = []
    for config in apps.get_app_configs():
        items.extend(getattr(config, "navigation", []))
    return sorted(items, key=lambda item: (item.order, item.label))


def _filters():
    return [
        config.navigation_filter
        for config in apps.get_app_configs()
        if getattr(config, "navigation_filter", None)
    ]


def items_for(user, current_path: str = "") -> list[dict]:
    if not (user and user.is_authenticated):
        return []
    filters = _filters()
    visible = [
        {
            "label": item.label,
            "url": reverse(item.url_name),
            "description": item.description,
            "section": item.section,
        }
        for item in all_items()
        if user.has_perm(item.permission) and all(keep(user, item.url_name) for keep in filters)
    ]
    # Only the closest match is current: /my/ must not also light up on /my/about-me/.
    matches = [
        entry
        for entry in visible
        if current_path == entry["url"]
        or (entry["url"] != "/" and current_path.startswith(entry["url"]))
    ]
    closest = max(matches, key=lambda entry: len(entry["url"]), default=None)
    for entry in visible:
        entry["current"] = entry is closest
    return visible


def in_sections(visible: list[dict]) -> list[tuple[str, list[dict]]]:
    """The menu under headings when it is long (the lead roles); [] when a flat list is best."""
    if len(visible) <= SECTIONS_FROM:
        return []
    grouped = {section: [] for section in SECTIONS}
    for entry in visible:
        grouped.setdefault(entry["section"] or SECTIONS[0], []).append(entry)
    return [(section, entries) for section, entries in grouped.items() if entries]
