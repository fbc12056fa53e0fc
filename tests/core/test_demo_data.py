import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from scaffolding.accounts import demo as accounts_demo
from scaffolding.accounts.models import CarerKind, Organisation, Partnership, Role, Team, User
from scaffolding.voice.models import YoungPerson
from scaffolding.workforce import demo as workforce_demo
from scaffolding.workforce.models import (
    LearningRecord,
    Person,
    RoleProfile,
    TeamMembership,
)


def snapshot():
    return sorted(
        Person.objects.values_list(
            "full_name", "staff_number", "team__name", "role_profile__name", "start_date"
        )
    )


@pytest.mark.django_db
def test_demo_is_the_same_every_time_for_a_seed(capsys):
    call_command("demo-data", size=120, seed=7)
    first = snapshot()
    call_command("demo-data", size=120, seed=7, replace=True)
    assert snapshot() == first
    call_command("demo-data", size=120, seed=8, replace=True)
    assert snapshot() != first


@pytest.mark.django_db
def test_demo_has_the_asked_size_one_account_per_role_and_supervisors(capsys):
    call_command("demo-data", size=200)
    out = capsys.readouterr().out
    assert Person.objects.count() == 200
    assert set(User.objects.values_list("role", flat=True)) == set(Role.values)
    for _name, email, _role, _kind in accounts_demo.DEMO_ACCOUNTS:
        assert email in out
    assert accounts_demo.DEMO_PASSWORD in out
    supervisor = User.objects.get(role=Role.SUPERVISOR).person
    assert supervisor.supervisees.exists()
    practitioner = User.objects.get(role=Role.PRACTITIONER).person
    assert practitioner.supervisor == supervisor
    assert Person.objects.filter(relationship__in=["foster_carer", "kinship_carer"]).exists()
    assert Person.objects.filter(relationship="volunteer").exists()


# What `make run` prints after building the demo (the sign-ins, in this order).
PRINTED_SIGN_INS = """
Sign in at http://127.0.0.1:8000/sign-in/ with any of these:
  Practitioner                             practitioner@glenmorven.example      (Morag Sinclair)
  Family carer                             carer@glenmorven.example             (Hamish Reid)
  Supervisor or team leader                supervisor@glenmorven.example        (Shona Duncan)
  Learning and workforce development lead  learning@glenmorven.example          (Priya Kaur)
  Promise lead                             promise@glenmorven.example           (Calum Ferguson)
  Partnership admin                        admin@glenmorven.example             (Iona MacLeod)
  Young person                             skye@glenmorven.example              (Skye Morrison)
  Password for all of them: demo-scaffolding-2026
  The partnership admin is asked to set up two-step sign-in with an authenticator app.
"""


@pytest.mark.django_db
@override_settings(SITE_URL="http://127.0.0.1:8000")
def test_a_small_demo_has_the_same_foundation_people_and_sign_ins_for_its_seed(capsys):
    """Pins what the apps' demo parts build together, so moving code between them
    cannot quietly change the demo (counts and names taken from seed 7, size 60)."""
    call_command("demo-data", size=60, seed=7)
    out = capsys.readouterr().out
    assert out.startswith(
        "Built Glenmorven Children's Services Partnership: 7 organisations, 19 teams, 60 people."
    )
    assert out.endswith(PRINTED_SIGN_INS)

    partnership = Partnership.objects.get(slug=accounts_demo.DEMO_SLUG)
    assert partnership.name == "Glenmorven Children's Services Partnership"
    counts = {
        "organisations": Organisation.objects.count(),
        "teams": Team.objects.count(),
        "accounts": User.objects.count(),
        "role profiles": RoleProfile.objects.count(),
        "people": Person.objects.count(),
        "team memberships": TeamMembership.objects.count(),
        "learning records": LearningRecord.objects.count(),
        "young people": YoungPerson.objects.count(),
    }
    assert counts == {
        "organisations": 7,
        "teams": 19,
        "accounts": 7,  # one per role, and Skye's
        "role profiles": 15,
        "people": 60,
        "team memberships": 60,
        "learning records": 260,
        "young people": 15,
    }
    # The first people in the register, in staff number order, for seed 7.
    assert list(
        Person.objects.order_by("staff_number")
        .exclude(staff_number="")
        .values_list("staff_number", "full_name", "team__name", "role_profile__name")[:3]
    ) == [
        ("GM10001", "Shona Duncan", "Children and Families North", "Team leader"),
        ("GM10002", "Anna Paterson", "Children and Families North", "Social worker"),
        ("GM10003", "Morag Sinclair", "Children and Families North", "Social worker"),
    ]
    # The sign-ins that are people in the register, where they work and who supervises them.
    linked = {
        person.email: (
            person.full_name,
            person.team.name,
            getattr(person.supervisor, "full_name", None),
        )
        for person in Person.objects.filter(user__isnull=False).select_related("team", "supervisor")
    }
    assert linked == {
        "practitioner@glenmorven.example": (
            "Morag Sinclair",
            "Children and Families North",
            "Shona Duncan",
        ),
        "carer@glenmorven.example": ("Hamish Reid", "Kinship Carers", "Gillian Campbell"),
        "supervisor@glenmorven.example": ("Shona Duncan", "Children and Families North", None),
        "learning@glenmorven.example": ("Priya Kaur", "Family Support", None),
    }
    assert User.objects.get(email="carer@glenmorven.example").carer_kind == CarerKind.KINSHIP


@pytest.mark.django_db
def test_demo_refuses_to_load_twice_without_replace(capsys):
    call_command("demo-data", size=60)
    with pytest.raises(CommandError, match="already loaded"):
        call_command("demo-data", size=60)
    call_command("demo-data", size=60, if_missing=True)
    assert "already loaded" in capsys.readouterr().out


@pytest.mark.django_db
def test_demo_text_keeps_to_the_language_of_care():
    retired = ["placement", "respite", "service user", "looked after child", " unit", "caseload"]
    names = " ".join(
        list(Person.objects.values_list("job_title", flat=True))
        + [team for _org, _kind, teams in accounts_demo.ORGANISATIONS for team in teams]
        + [profile[0] for profile in workforce_demo.ROLE_PROFILES]
    ).lower()
    for word in retired:
        assert word not in names


def test_console_script_runs_like_manage_py(tmp_path):
    scaffolding = Path(sys.executable).with_name("scaffolding")
    result = subprocess.run(
        [str(scaffolding), "help", "demo-data"],
        capture_output=True,
        text=True,
        env={"SCAFFOLDING_DEBUG": "1", "SCAFFOLDING_VAR_DIR": str(tmp_path), "PATH": "/usr/bin"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "--size" in result.stdout


def test_check_language_runs_without_settings_or_database(tmp_path):
    """Other tools call it on any machine: no secret key, no database, no DEBUG."""
    scaffolding = Path(sys.executable).with_name("scaffolding")
    record = tmp_path / "record.txt"
    record.write_text("Her placement ended in May.\n")
    clean = subprocess.run(
        [str(scaffolding), "check-language", "-"],
        input="She spends time with her brother on Saturdays.",
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin"},
        check=False,
    )
    assert clean.returncode == 0, clean.stderr
    flagged = subprocess.run(
        [str(scaffolding), "check-language", "--format", "json", str(record)],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin"},
        check=False,
    )
    assert flagged.returncode == 1, flagged.stderr
    assert '"text": "placement"' in flagged.stdout
    missing = subprocess.run(
        [str(scaffolding), "check-language", str(tmp_path / "nowhere.txt")],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin"},
        check=False,
    )
    assert missing.returncode == 2
