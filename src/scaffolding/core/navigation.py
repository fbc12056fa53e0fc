"""Site navigation, gathered from each app so no shared list needs editing.

An app lists what it offers in its AppConfig:

    navigation = [NavItem("People", "workforce:people", "workforce.list_people", order=20,
                          description="Who the workforce is.")]

A person sees an item only when they have its permission.
"""

from dataclasses import dataclass

from django.apps import apps
from django.urls import reverse


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    permission: str
    order: int = 50
    description: str = ""


def all_items() -> list[NavItem]:
    items = []
    for config in apps.get_app_configs():
        items.extend(getattr(config, "navigation", []))
    return sorted(items, key=lambda item: (item.order, item.label))


def items_for(user, current_path: str = "") -> list[dict]:
    if not (user and user.is_authenticated):
        return []
    visible = []
    for item in all_items():
        if not user.has_perm(item.permission):
            continue
        url = reverse(item.url_name)
        visible.append(
            {
                "label": item.label,
                "url": url,
                "description": item.description,
                "current": current_path == url or (url != "/" and current_path.startswith(url)),
            }
        )
    return visible
