from django.apps import AppConfig

from scaffolding.core.navigation import NavItem


class LanguageConfig(AppConfig):
    name = "scaffolding.language"
    label = "language"
    verbose_name = "Language of care"
    navigation = [
        NavItem(
            "Check my writing",
            "language:check",
            "language.check_text",
            order=60,
            description="Paste writing or upload a document and see kinder words to use.",
            section="Your work",
        ),
        NavItem(
            "Language of care",
            "language:glossary",
            "language.view_glossary",
            order=61,
            description="The words we avoid, kinder ones to use, and why.",
            section="Progress and figures",
        ),
        NavItem(
            "Language indicator",
            "language:indicator",
            "language.view_indicator",
            order=62,
            description="How often each flagged word appears in our writing, month by month.",
            section="Progress and figures",
        ),
    ]

    def ready(self):
        from scaffolding.core import history

        from . import indicator, models

        history.register(models.GlossaryOverride, shown=["rule_id"])
        # The token's hash is a secret; the history says only that a token changed.
        history.register(
            models.ApiToken, shown=["name", "prefix"], exclude_fields=["token_hash", "last_used_at"]
        )
        indicator.connect_receivers()
