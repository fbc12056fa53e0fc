from django.apps import AppConfig

from scaffolding.core.navigation import NavItem


class VoiceConfig(AppConfig):
    name = "scaffolding.voice"
    label = "voice"
    verbose_name = "Young people's voice"
    navigation = [
        NavItem(
            "Young people",
            "voice:young_people",
            "voice.list_young_people",
            order=15,
            description="The young people you work with and what they share with you.",
        ),
        NavItem(
            "Protection overrides",
            "voice:override_counts",
            "voice.view_override_counts",
            order=90,
            description="How often items were opened for protection (numbers only).",
        ),
    ]
