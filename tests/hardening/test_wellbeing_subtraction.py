"""Finding 9: a hidden small team's figure cannot be worked out by subtraction."""

from django.utils import timezone

from scaffolding.accounts.models import Organisation, Team
from scaffolding.supervision import wellbeing
from tests.supervision.test_wellbeing import _check_in, _people


def _subtraction_attack(parent, children):
    """What a reader can work out: the parent minus every shown child, weighted by people."""
    shown = [c for c in children if not c.suppressed]
    hidden_people = parent.people - sum(c.people for c in shown)
    if parent.suppressed or hidden_people == 0:
        return hidden_people, None
    total = parent.average_feeling * parent.people - sum(
        c.average_feeling * c.people for c in shown
    )
    return hidden_people, total / hidden_people


def test_a_small_team_cannot_be_worked_out_from_its_organisation(world):
    small = Team.objects.create(organisation=world.organisation, name="Two of us")
    for person in _people(world, 2, team=small):
        _check_in(world, person, feeling=1)
    for person in _people(world, 6, team=world.team):
        _check_in(world, person, feeling=4)

    figures = wellbeing.overview(world.partnership.pk, timezone.localdate())
    (council,) = [o for o in figures["organisations"] if o.name == world.organisation.name]
    teams = [t for t in figures["teams"] if t.name.endswith(f"({world.organisation.name})")]
    assert not council.suppressed
    small_row = next(t for t in teams if t.name.startswith("Two of us"))
    assert small_row.suppressed
    # Before: the 6-person team was shown, and council minus it gave the pair's 1.0 exactly.
    hidden_people, worked_out = _subtraction_attack(council, teams)
    assert hidden_people == 0 or hidden_people >= wellbeing.MINIMUM_GROUP
    big_row = next(t for t in teams if t.name.startswith(world.team.name))
    assert big_row.suppressed and big_row.reason == wellbeing.COMPLEMENT


def test_a_small_organisation_cannot_be_worked_out_from_the_partnership(world):
    tiny = Organisation.objects.create(
        partnership=world.partnership, name="Tiny Trust", kind="third_sector"
    )
    tiny_team = Team.objects.create(organisation=tiny, name="Tiny team")
    for person in _people(world, 3, team=tiny_team):
        _check_in(world, person, feeling=1)
    for person in _people(world, 7, team=world.team):
        _check_in(world, person, feeling=4)
    # A third organisation, big enough to show, so hiding one more still leaves figures.
    other = Organisation.objects.create(
        partnership=world.partnership, name="Big Board", kind="nhs_board"
    )
    other_team = Team.objects.create(organisation=other, name="Ward")
    for person in _people(world, 9, team=other_team):
        _check_in(world, person, feeling=3)

    figures = wellbeing.overview(world.partnership.pk, timezone.localdate())
    (whole,) = figures["partnership"]
    hidden_people, _ = _subtraction_attack(whole, figures["organisations"])
    assert hidden_people == 0 or hidden_people >= wellbeing.MINIMUM_GROUP
    shown = [o.name for o in figures["organisations"] if not o.suppressed]
    assert shown == ["Big Board"]
    # The organisation hidden to protect Tiny Trust cannot be rebuilt from its teams.
    council_teams = [t for t in figures["teams"] if world.organisation.name in t.name]
    assert all(t.suppressed for t in council_teams)
