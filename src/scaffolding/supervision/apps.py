from django.apps import AppConfig

from scaffolding.core.navigation import NavItem


class SupervisionConfig(AppConfig):
    name = "scaffolding.supervision"
    label = "supervision"
    home_panels = [
        "scaffolding.supervision.home.my_supervision",
        "scaffolding.supervision.home.people_i_supervise",
    ]
    navigation = [
        NavItem(
            "My supervision",
            "supervision:mine",
            "supervision.use",
            order=30,
            description="Your sessions, agreement, private reflections and wellbeing check-ins.",
            section="Your work",
        ),
        NavItem(
            "Supervision due",
            "supervision:cadence",
            "supervision.view_cadence",
            order=32,
            description="Who is due, overdue or never supervised (dates only).",
            section="Supervision",
        ),
        NavItem(
            "Reflective groups",
            "supervision:groups",
            "supervision.list_groups",
            order=34,
            description="Standing reflective practice groups, their rhythm and attendance.",
            section="Supervision",
        ),
        NavItem(
            "Team wellbeing",
            "supervision:wellbeing_overview",
            "supervision.view_wellbeing_overview",
            order=36,
            description="Check-in figures in aggregate; small groups are never shown.",
            section="Supervision",
        ),
        NavItem(
            "Supervision provision",
            "supervision:provision",
            "supervision.view_provision",
            order=38,
            description="What supervision each organisation offers, and the gaps.",
            section="Supervision",
        ),
        NavItem(
            "Supervisor training",
            "supervision:training",
            "supervision.manage_training",
            order=39,
            description="Who is trained to supervise others.",
            section="Supervision",
        ),
        NavItem(
            "Support contacts",
            "supervision:support_contacts",
            "supervision.manage_support_contacts",
            order=40,
            description="Where workers can turn for support: shown after a hard check-in.",
            section="Supervision",
        ),
    ]

    def ready(self):
        from scaffolding.core import figures, history

        from . import models, provision, summaries, wellbeing  # noqa: F401  (summaries listens)

        figures.register(
            provision.KEPT_KIND,
            provision.work_out,
            permission="supervision.view_provision",
            page="supervision:provision",
        )
        figures.register(
            wellbeing.KEPT_KIND,
            wellbeing.work_out,
            permission="supervision.view_wellbeing_overview",
            page="supervision:wellbeing_overview",
        )

        # The change history shows that private or shared words changed, never the
        # words: summaries, notes, themes, places, actions and agreements.
        history.register(models.Session, shown=["kind", "status"])
        history.register(models.SupportAction, name_shown=False)
        history.register(models.Agreement)
        history.register(models.ReflectiveGroup, shown=["name"], m2m_fields={"members"})
        history.register(models.Reflection)
        # One person's answers are theirs; only aggregates of five or more are ever shown.
        history.register(models.CheckIn, hidden=["feeling", "workload", "supported"])
        history.register(models.SupervisorTraining, shown=["title", "provider"])
        # The partnership's own support contacts are public to its workers.
        history.register(
            models.SupportContact, shown=["name", "helps_with", "phone", "web", "email"]
        )
