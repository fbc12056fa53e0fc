"""What the language-of-care web interface keeps: partnership glossary changes,
API tokens for other systems, and counts (never text) for the language indicator."""

import hashlib
import secrets

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from scaffolding.accounts.models import Partnership
from scaffolding.core.tenancy import PartnershipOwned, PartnershipQuerySet

TOKEN_PREFIX = "scl_"  # noqa: S105 - a label, not a secret


class GlossaryOverride(PartnershipOwned):
    """One partnership's change to a shipped rule, or a rule of its own.

    `data` is a glossary rule mapping (see scaffolding/language/glossary.py): for a
    shipped rule only the changed fields ({"id": "respite", "enabled": false}); for a
    local rule every field. It is validated through the core before it is saved.
    """

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="glossary_overrides"
    )
    rule_id = models.CharField(max_length=80)
    data = models.JSONField()
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["rule_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "rule_id"], name="glossary_override_unique_rule"
            )
        ]

    def __str__(self):
        return self.rule_id


class ApiTokenQuerySet(PartnershipQuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class ApiToken(PartnershipOwned):
    """A token another system sends as `Authorization: Bearer <token>`; only its hash is kept."""

    name = models.CharField("what the token is for", max_length=120)
    prefix = models.CharField(max_length=12)
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "pk"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def hash(token: str) -> str:
        # Tokens are 256 random bits, so a fast hash is enough (no password stretching needed).
        return hashlib.sha256(token.encode()).hexdigest()

    @classmethod
    def issue(cls, partnership, name: str, created_by=None) -> tuple["ApiToken", str]:
        """Create a token; the plain token is returned once and never stored."""
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        record = cls.objects.create(
            partnership=partnership,
            name=name,
            prefix=token[: len(TOKEN_PREFIX) + 4],
            token_hash=cls.hash(token),
            created_by=created_by,
        )
        return record, token

    @classmethod
    def find(cls, token: str) -> "ApiToken | None":
        if not token.startswith(TOKEN_PREFIX):
            return None
        return cls.objects.active().filter(token_hash=cls.hash(token)).first()


class TermCount(PartnershipOwned):
    """How often one rule fired in one field of one record: a count, never the text."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    field = models.CharField(max_length=100)
    month = models.DateField(help_text="The first day of the month the text was written.")
    rule = models.CharField(max_length=80)
    count = models.PositiveIntegerField()

    class Meta:
        indexes = [
            models.Index(fields=["partnership", "month", "rule"]),
            models.Index(fields=["content_type", "object_id"]),
        ]

    def __str__(self):
        return f"{self.rule} × {self.count} ({self.month:%B %Y})"
