from django.apps import AppConfig

from scaffolding.core.navigation import NavItem


class WorkforceConfig(AppConfig):
    name = "scaffolding.workforce"
    label = "workforce"
    home_panels = [
        "scaffolding.workforce.home.my_learning",
        "scaffolding.workforce.home.learning_lead",
    ]
    # ``request.person``: how a signed-in user's own register entry is found.
    person_for_user = "scaffolding.workforce.register.person_for_user"
    navigation = [
        NavItem(
            "People",
            "workforce:people",
            "workforce.list_people",
            order=20,
            description="Who the workforce is, by closeness of relationship with children.",
            section="Workforce and learning",
        ),
        NavItem(
            "My learning",
            "workforce:my_learning",
            "workforce.view_own_learning",
            order=15,
            description="Your trauma practice level against what your role needs, and what next.",
            section="Your work",
        ),
        NavItem(
            "Learning catalogue",
            "workforce:catalogue",
            "workforce.view_catalogue",
            order=22,
            description="Courses, e-learning and shared learning on offer in the partnership.",
            section="Workforce and learning",
        ),
        NavItem(
            "Learning gaps",
            "workforce:gaps",
            "workforce.view_gaps",
            order=24,
            description="Who is at the level their role needs, by team, organisation and role.",
            section="Workforce and learning",
        ),
        NavItem(
            "Role profiles",
            "workforce:role_profiles",
            "workforce.view_role_profiles",
            order=26,
            description="What each role needs: NES level, core topics, supervision rhythm.",
            section="Workforce and learning",
        ),
        NavItem(
            "Import and export",
            "workforce:import_start",
            "workforce.manage_learning",
            order=28,
            description="Bring in rosters and learning records; download them again.",
            section="Workforce and learning",
        ),
    ]

    def ready(self):
        from scaffolding.accounts.signals import account_saved
        from scaffolding.core import figures, history

        from . import gaps, models, register, summaries

        # Linking an account to its register entry is workforce's rule, not accounts'.
        account_saved.connect(register.on_account_saved, dispatch_uid="workforce.link_account")
        # Learning summaries are rewritten with every save of learning (summaries.py).
        summaries.connect()
        # Grouped gap figures are worked out by the background worker (core.figures).
        figures.register(
            gaps.KEPT_KIND, gaps.work_out, permission="workforce.view_gaps", page="workforce:gaps"
        )

        history.register(models.RoleProfile, shown=["name", "description"])
        history.register(
            models.Person,
            shown=["full_name", "email", "staff_number", "job_title", "relationship", "closeness"],
        )
        history.register(
            models.LearningActivity, shown=["title", "kind", "provider", "description"]
        )
        # A learning record's notes are the person's own words.
        history.register(models.LearningRecord, shown=["status"])
        history.register(models.TeamMembership)
        # Reasons can touch on someone's own life: the history says a decision changed, not why.
        history.register(models.Recognition, shown=["kind"])
        # LivedExperience is deliberately never registered: its history would show it to admins.
