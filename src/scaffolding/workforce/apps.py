from django.apps import AppConfig

from scaffolding.core.navigation import NavItem


class WorkforceConfig(AppConfig):
    name = "scaffolding.workforce"
    label = "workforce"
    # ``request.person``: how a signed-in user's own register entry is found.
    person_for_user = "scaffolding.workforce.register.person_for_user"
    navigation = [
        NavItem(
            "People",
            "workforce:people",
            "workforce.list_people",
            order=20,
            description="Who the workforce is, by closeness of relationship with children.",
        ),
        NavItem(
            "My learning",
            "workforce:my_learning",
            "workforce.view_own_learning",
            order=15,
            description="Your trauma practice level against what your role needs, and what next.",
        ),
        NavItem(
            "Learning catalogue",
            "workforce:catalogue",
            "workforce.view_catalogue",
            order=22,
            description="Courses, e-learning and shared learning on offer in the partnership.",
        ),
        NavItem(
            "Learning gaps",
            "workforce:gaps",
            "workforce.view_gaps",
            order=24,
            description="Who is at the level their role needs, by team, organisation and role.",
        ),
        NavItem(
            "Role profiles",
            "workforce:role_profiles",
            "workforce.view_role_profiles",
            order=26,
            description="What each role needs: NES level, core topics, supervision rhythm.",
        ),
        NavItem(
            "Import and export",
            "workforce:import_start",
            "workforce.manage_learning",
            order=28,
            description="Bring in rosters and learning records; download them again.",
        ),
    ]

    def ready(self):
        from auditlog.registry import auditlog

        from scaffolding.accounts.signals import account_saved

        from . import models, register

        # Linking an account to its register entry is workforce's rule, not accounts'.
        account_saved.connect(register.on_account_saved, dispatch_uid="workforce.link_account")

        auditlog.register(models.RoleProfile)
        auditlog.register(models.Person)
        auditlog.register(models.LearningActivity)
        auditlog.register(models.LearningRecord)
        auditlog.register(models.TeamMembership)
        # Reasons can touch on someone's own life: the history says a decision changed, not why.
        auditlog.register(models.Recognition, mask_fields=["reasons"])
        # LivedExperience is deliberately never registered: its history would show it to admins.
