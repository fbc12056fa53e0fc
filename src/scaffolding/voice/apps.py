from django.apps import AppConfig

from scaffolding.core.navigation import NavItem


class VoiceConfig(AppConfig):
    name = "scaffolding.voice"
    label = "voice"
    verbose_name = "Young people's voice"
    # A young person's own pages come first in their menu; workers never hold this permission.
    navigation = [
        NavItem("My story", "voice:home", "voice.view_own_story", order=1, section="Your work"),
        NavItem(
            "Who has looked",
            "voice:who_looked",
            "voice.view_own_story",
            order=2,
            section="Your work",
        ),
        NavItem("About me", "voice:about_me", "voice.view_own_story", order=3, section="Your work"),
        NavItem(
            "My views for a meeting",
            "voice:views_new",
            "voice.view_own_story",
            order=4,
            section="Your work",
        ),
        NavItem(
            "Young people",
            "voice:young_people",
            "voice.list_young_people",
            order=15,
            description="The young people you work with and what they share with you.",
            section="Your work",
        ),
        NavItem(
            "Protection overrides",
            "voice:override_counts",
            "voice.view_override_counts",
            order=90,
            description="How often items were opened for protection (numbers only).",
            section="Progress and figures",
        ),
        NavItem(
            "Safety alerts",
            "voice:safety_settings",
            "voice.manage_safety_settings",
            order=91,
            description="Who hears when a young person does not feel safe, and how soon.",
            section="The partnership",
        ),
    ]

    def ready(self):
        from scaffolding.core import history

        from . import models

        # Partnership-level settings only: work contacts, never a child's record.
        history.register(models.SafetySettings, shown=["duty_name", "duty_email", "next_email"])

    @property
    def navigation_filter(self):
        """A young person's menu offers only the pages their account opens."""
        from .middleware import menu_filter

        return menu_filter
