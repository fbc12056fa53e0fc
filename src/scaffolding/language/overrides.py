"""Each partnership's glossary: the shipped one merged with the partnership's changes.

The compiled glossary is cached per partnership in each process. The cache key
includes a signature of the partnership's override rows (rule and time changed),
so any change, in any process, is seen on the next request: one small query.
"""

import logging
import re
from collections import OrderedDict
from threading import Lock

from django.db import transaction
from django.utils import timezone

from scaffolding.language import Glossary, GlossaryError, load_default_glossary

from .models import GlossaryOverride

logger = logging.getLogger(__name__)
PLURAL_S = "(?:s|es)?"
PLURAL_Y = "(?:y|ies)"
_CACHE: OrderedDict = OrderedDict()
_CACHE_LOCK = Lock()
_CACHE_SIZE = 64


def _overrides(partnership_id) -> list[GlossaryOverride]:
    return list(GlossaryOverride.objects.in_partnership(partnership_id).order_by("rule_id"))


def glossary_for(partnership_id) -> Glossary:
    """The effective glossary of a partnership (the shipped one when it has no changes)."""
    if partnership_id is None:
        return load_default_glossary()
    rows = _overrides(partnership_id)
    if not rows:
        return load_default_glossary()
    key = (partnership_id, tuple((row.rule_id, row.changed_at.isoformat()) for row in rows))
    with _CACHE_LOCK:
        cached = _CACHE.get(key)
        if cached is not None:
            _CACHE.move_to_end(key)
            return cached
    try:
        glossary = load_default_glossary().merged_with([row.data for row in rows])
    except GlossaryError as error:
        # Saved overrides were valid when saved; a newer shipped glossary may disagree.
        # Fall back to the shipped glossary rather than stop people writing.
        logger.warning("Partnership %s glossary changes ignored: %s", partnership_id, error)
        glossary = load_default_glossary()
    with _CACHE_LOCK:
        for stale in [k for k in _CACHE if k[0] == partnership_id]:
            del _CACHE[stale]
        _CACHE[key] = glossary
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return glossary


def rule_status(partnership_id) -> dict[str, str]:
    """rule id -> "changed" or "added" for the partnership's overrides."""
    shipped = load_default_glossary()
    return {
        row.rule_id: ("changed" if row.rule_id in shipped else "added")
        for row in _overrides(partnership_id)
    }


def words_to_patterns(words: list[str]) -> list[str]:
    """Plain words or phrases (what people type) as glossary expressions.

    "problem family" matches any spacing and the plural ("problem families").
    """
    patterns = []
    for word in words:
        parts = [re.escape(part) for part in word.split()]
        pattern = r"\s+".join(parts)
        if re.search(r"[^aeiou\W]y$", word, re.IGNORECASE):
            pattern = pattern[:-1] + PLURAL_Y
        elif word[-1:].isalpha():
            pattern += PLURAL_S
        patterns.append(pattern)
    return patterns


def patterns_to_words(patterns) -> list[str]:
    """Best-effort reverse of words_to_patterns, for showing a local rule's words."""
    words = []
    for entry in patterns:
        pattern = entry if isinstance(entry, str) else entry.get("pattern", "")
        if pattern.endswith(PLURAL_Y):
            pattern = pattern.removesuffix(PLURAL_Y) + "y"
        pattern = pattern.removesuffix(PLURAL_S).replace(r"\s+", " ")
        words.append(re.sub(r"\\(.)", r"\1", pattern))
    return words


def validate(partnership_id, data: dict) -> Glossary:
    """The glossary the partnership would have with `data` saved; GlossaryError if invalid."""
    others = [row.data for row in _overrides(partnership_id) if row.rule_id != data["id"]]
    return load_default_glossary().merged_with([*others, data])


@transaction.atomic
def save_override(partnership_id, data: dict, user=None) -> GlossaryOverride:
    """Validate through the core and save; raises GlossaryError naming the field."""
    validate(partnership_id, data)
    values = {"data": data, "changed_by": user, "changed_at": timezone.now()}
    # Looked up within the partnership; a new row is created in it (the queryset's
    # filter is not copied onto a created row).
    row, _ = GlossaryOverride.objects.in_partnership(partnership_id).update_or_create(
        rule_id=data["id"],
        defaults=values,
        create_defaults={**values, "partnership_id": partnership_id},
    )
    return row


def remove_override(partnership_id, rule_id: str) -> bool:
    deleted, _ = (
        GlossaryOverride.objects.in_partnership(partnership_id).filter(rule_id=rule_id).delete()
    )
    return bool(deleted)
