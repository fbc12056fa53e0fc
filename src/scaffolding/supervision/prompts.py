"""What to talk about in a session, offered by apps above supervision.

An app lists functions in its AppConfig, as dotted paths:

    session_prompts = ["scaffolding.relationships.prompts.staying_in_touch"]

Each takes the session, the people in it and the person viewing the page (or None),
and returns a list of Prompt for things that viewer should bring up; one query at most.
"""

from dataclasses import dataclass

from django.apps import apps
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Prompt:
    text: str
    url: str
    link_text: str


def prompts_for(session, people, viewer) -> list[Prompt]:
    found = []
    for config in apps.get_app_configs():
        for path in getattr(config, "session_prompts", ()):
            found.extend(import_string(path)(session, people, viewer))
    return found
