from django.apps import AppConfig

from scaffolding.core.navigation import NavItem


class CarersConfig(AppConfig):
    name = "scaffolding.carers"
    label = "carers"
    verbose_name = "Family carers"
    navigation = [
        NavItem(
            "Everyday decisions",
            "carers:home",
            "carers.use",
            order=40,
            description=(
                'What family carers decide, asks and their clocks, "Can I...?" decisions '
                "and short breaks."
            ),
            section="Your work",
        ),
        NavItem(
            "Carers' figures",
            "carers:measures",
            "carers.view_measures",
            order=42,
            description="How much is delegated to carers, asks answered in time, short breaks.",
            section="Progress and figures",
        ),
    ]

    def ready(self):
        from scaffolding.core import history

        from . import models

        # What carers and young people write is theirs: the history says it changed.

        history.register(models.Agreement, m2m_fields={"carers"})
        history.register(models.AreaRule)
        history.register(models.AgreedBy)
        history.register(models.Ask)
        history.register(models.Decision)
        history.register(models.ShortBreak)
