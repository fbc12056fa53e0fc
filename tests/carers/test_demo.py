import pytest
from django.core.management import call_command

from scaffolding.accounts.models import User
from scaffolding.carers import domain
from scaffolding.carers.models import Agreement, Ask, Decision, ShortBreak

pytestmark = pytest.mark.django_db


def test_the_demo_carer_has_an_agreement_an_open_ask_a_decision_and_a_short_break(capsys):
    call_command("demo-data", size=120)
    hamish = User.objects.get(email="carer@glenmorven.example").person
    # The first young person he is the family carer of (the voice demo may link more).
    child = domain.young_people_of(hamish, ["family_carer"]).first()
    versions = Agreement.objects.filter(young_person=child).order_by("version")
    assert [v.status for v in versions] == ["superseded", "in_force"]
    assert Ask.objects.open().filter(asked_by=hamish).count() == 1
    assert Decision.objects.get(young_person=child).backed
    assert ShortBreak.objects.filter(carer=hamish, knows_already=True).exists()
    assert ShortBreak.objects.filter(carer=hamish, kind="time_away").exists()
    # More households, so the figures have something to count.
    assert Agreement.objects.in_force().count() > 1
    assert Ask.objects.filter(status="answered").exists()
