from django.apps import AppConfig

from scaffolding.core.navigation import NavItem


class AccountsConfig(AppConfig):
    name = "scaffolding.accounts"
    label = "accounts"
    home_panels = ["scaffolding.accounts.home.partnership_admin"]
    navigation = [
        NavItem(
            "Partnership",
            "accounts:partnership",
            "accounts.view_partnership",
            order=10,
            description="The organisations and teams in our partnership.",
            section="The partnership",
        ),
        NavItem(
            "Accounts",
            "accounts:account_list",
            "accounts.manage_users",
            order=90,
            description="Add people, change roles and stop accounts signing in.",
            section="The partnership",
        ),
        NavItem(
            "Change history",
            "accounts:audit_log",
            "accounts.view_audit_log",
            order=95,
            description="Who changed which record, and when.",
            section="The partnership",
        ),
    ]

    def ready(self):
        from scaffolding.core import history

        from . import models

        history.register(models.Partnership, shown=["name", "slug", "area", "two_step_roles"])
        history.register(models.Organisation, shown=["name", "kind"])
        history.register(models.Team, shown=["name"])
        # Never keep password hashes or sign-in times in the change history.
        history.register(
            models.User,
            shown=["email", "pending_email", "full_name", "role", "carer_kind"],
            exclude_fields=["password", "last_login"],
        )
