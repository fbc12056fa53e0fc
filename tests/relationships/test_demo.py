"""The demo partnership has relationships to show, counted live, and loads again cleanly."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from scaffolding.accounts.demo import DEMO_SLUG
from scaffolding.accounts.models import Partnership
from scaffolding.relationships import measures
from scaffolding.relationships.models import (
    LocalPolicy,
    Move,
    PersonWhoMatters,
    StayingInTouchPlan,
    TimeTogether,
)
from scaffolding.voice.models import YoungPerson

pytestmark = pytest.mark.django_db


def test_demo_relationships(capsys):
    call_command("demo-data", size=120, seed=3)
    partnership = Partnership.objects.get(slug=DEMO_SLUG)
    assert YoungPerson.objects.in_partnership(partnership.pk).count() >= 12
    assert PersonWhoMatters.objects.filter(kind="sibling", lives_together=False).exists()
    assert PersonWhoMatters.objects.filter(kind="grandparent").exists()
    assert TimeTogether.objects.exists()
    assert (
        Move.objects.filter(kind="planned").exists()
        and Move.objects.filter(kind="emergency").exists()
    )
    assert StayingInTouchPlan.objects.filter(status="open").exists()
    assert LocalPolicy.objects.filter(stance="blanket_ban").exists()
    numerator, denominator = measures.siblings_living_together(partnership.pk, timezone.localdate())
    assert 0 < numerator < denominator
    call_command("demo-data", size=120, seed=3, replace=True)
    assert Partnership.objects.filter(slug=DEMO_SLUG).count() == 1


def test_demo_words_keep_to_the_language_of_care():
    from pathlib import Path

    text = Path(__file__).parents[2].joinpath("src/scaffolding/relationships/demo.py").read_text()
    for word in ("placement", "respite", "contact", "service user", " unit"):
        assert word not in text.lower()
