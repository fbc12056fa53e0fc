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
        ),
    ]

    def ready(self):
        import logging

        from auditlog.registry import auditlog

        # WeasyPrint reports every layout step at INFO; keep the service log readable.
        logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

        from . import models

        auditlog.register(models.Framework)
        auditlog.register(models.FrameworkItem)
        auditlog.register(models.Assessment)
        auditlog.register(models.Initiative, m2m_fields={"items", "partner_organisations"})
        auditlog.register(models.Measure)
        auditlog.register(models.MeasurePoint)
        # A story's words are a person's own: the change history records that it changed,
        # never what it says.
        auditlog.register(models.Story, exclude_fields=["text", "title"])
