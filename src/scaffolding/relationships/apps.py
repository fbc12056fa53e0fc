from django.apps import AppConfig

from scaffolding.core.navigation import NavItem


class RelationshipsConfig(AppConfig):
    name = "scaffolding.relationships"
    label = "relationships"
    verbose_name = "Relationships that matter"
    # Open staying-in-touch plans show on the session page of the person moving on.
    session_prompts = ["scaffolding.relationships.prompts.staying_in_touch"]
    navigation = [
        NavItem(
            "People who matter",
            "relationships:home",
            "relationships.use",
            order=12,
            description="The people and pets who matter to a young person, and time together.",
            section="Your work",
        ),
        NavItem(
            "Staying in touch",
            "relationships:staying_in_touch",
            "relationships.list_staying_in_touch",
            order=31,
            description="Plans to agree when a worker or carer you supervise moves on.",
            section="Supervision",
        ),
        NavItem(
            "Brothers and sisters",
            "relationships:siblings",
            "relationships.view_siblings",
            order=41,
            description="Brothers and sisters living apart, why, and how often they meet.",
            section="Progress and figures",
        ),
        NavItem(
            "Relationship policies",
            "relationships:policies",
            "relationships.manage_policies",
            order=43,
            description="Local policies that help or get in the way of relationships.",
            section="Progress and figures",
        ),
        NavItem(
            "Relationships figures",
            "relationships:figures",
            "relationships.view_measures",
            order=45,
            description="Live measures: brothers and sisters, moves, trusted adults.",
            section="Progress and figures",
        ),
    ]

    def ready(self):
        from scaffolding.core import history

        from . import models, signals  # noqa: F401  (signals listens to the workforce register)

        # Partnership-level records only: a young person's relationships are theirs, and the
        # change history is read by admins, who never see children's content.
        history.register(models.LocalPolicy)
        history.register(models.Settings)
