import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from scaffolding.accounts.models import Role, User
from scaffolding.core import demo
from scaffolding.workforce.models import Person


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
    for _name, email, _role, _kind in demo.DEMO_ACCOUNTS:
        assert email in out
    assert demo.DEMO_PASSWORD in out
    supervisor = User.objects.get(role=Role.SUPERVISOR).person
    assert supervisor.supervisees.exists()
    practitioner = User.objects.get(role=Role.PRACTITIONER).person
    assert practitioner.supervisor == supervisor
    assert Person.objects.filter(relationship__in=["foster_carer", "kinship_carer"]).exists()
    assert Person.objects.filter(relationship="volunteer").exists()


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
        + [team for _org, _kind, teams in demo.ORGANISATIONS for team in teams]
        + [profile[0] for profile in demo.ROLE_PROFILES]
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
