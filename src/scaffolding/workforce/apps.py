from django.apps import AppConfig

from scaffolding.core.navigation import NavItem


class WorkforceConfig(AppConfig):
    name = "scaffolding.workforce"
    label = "workforce"
    navigation = [
        NavItem(
            "People",
            "workforce:people",
            "workforce.list_people",
            order=20,
            description="Who the workforce is, by closeness of relationship with children.",
        ),
    ]

    def ready(self):
        from auditlog.registry import auditlog

        from . import models

        auditlog.register(models.RoleProfile)
        auditlog.register(models.Person)
        auditlog.register(models.LearningActivity)
        auditlog.register(models.LearningRecord)
        auditlog.register(models.TeamMembership)
        # Reasons can touch on someone's own life: the history says a decision changed, not why.
        auditlog.register(models.Recognition, mask_fields=["reasons"])
        # LivedExperience is deliberately never registered: its history would show it to admins.
