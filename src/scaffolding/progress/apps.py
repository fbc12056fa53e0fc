from django.apps import AppConfig

from scaffolding.core.navigation import NavItem


class ProgressConfig(AppConfig):
    name = "scaffolding.progress"
    label = "progress"
    home_panels = ["scaffolding.progress.home.promise_lead"]
    navigation = [
        NavItem(
            "Progress",
            "progress:overview",
            "progress.view",
            order=60,
            description="How the partnership is keeping The Promise: calls to action, "
            "initiatives, assessments and evidence.",
            section="Progress and figures",
        ),
    ]

    def ready(self):
        import logging

        from scaffolding.core import history

        # WeasyPrint reports every layout step at INFO; keep the service log readable.
        logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

        from . import models

        history.register(models.Framework, shown=["name", "title", "kind", "source"])
        history.register(
            models.FrameworkItem,
            shown=[
                "code",
                "foundation",
                "other_foundations",
                "theme",
                "title",
                "lead_organisations",
            ],
        )
        history.register(models.Assessment, shown=["status"])
        history.register(
            models.Initiative,
            shown=["name", "funding_source", "status"],
            m2m_fields={"items", "partner_organisations"},
        )
        history.register(models.Measure, shown=["name", "unit", "question", "source"])
        history.register(models.MeasurePoint)
        # A story's words are a person's own: the change history records that it changed,
        # never what it says, nor its title (it shows as "Story 12").
        history.register(
            models.Story,
            shown=["kind", "voice", "consent", "visibility"],
            name_shown=False,
            exclude_fields=["text", "title"],
        )
