"""The language indicator: counts per rule and month from text written in Scaffolding."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from scaffolding.language import indicator, overrides
from scaffolding.language.models import TermCount
from scaffolding.workforce.models import RoleProfile

TEXT = 'Her placement and contact with mum. She said "my placement is fine". Placement.'


@pytest.fixture
def checked_profiles(monkeypatch):
    """Role profiles opt in to checking their description (as an app's model would)."""
    monkeypatch.setattr(RoleProfile, "language_checked_fields", ["description"], raising=False)


def profile(world, description):
    return RoleProfile.objects.create(
        partnership=world.partnership, name="Kinship support", description=description
    )


def counts():
    return sorted(TermCount.objects.values_list("rule", "count"))


def test_saving_counts_non_quoted_findings_per_rule(world, checked_profiles):
    made = profile(world, TEXT)
    assert counts() == [("contact", 1), ("placement", 2)]
    row = TermCount.objects.get(rule="placement")
    assert row.partnership == world.partnership
    assert row.field == "description"
    assert row.object_id == str(made.pk)
    assert row.month == timezone.localdate().replace(day=1)


def test_resaving_replaces_counts(world, checked_profiles):
    made = profile(world, TEXT)
    made.save()
    made.save()
    assert counts() == [("contact", 1), ("placement", 2)]
    made.description = "She lives with her gran."
    made.save()
    assert counts() == []


def test_deleting_removes_counts(world, checked_profiles):
    made = profile(world, TEXT)
    profile_two = RoleProfile.objects.create(
        partnership=world.partnership, name="Other", description="respite weekend"
    )
    made.delete()
    assert counts() == [("respite", 1)]
    profile_two.delete()
    assert counts() == []


def test_no_text_is_stored(world, checked_profiles):
    profile(world, TEXT)
    for row in TermCount.objects.values():
        for value in row.values():
            assert "mum" not in str(value) and "fine" not in str(value)
    stored = {field.name for field in TermCount._meta.get_fields()}
    assert stored == {
        "id",
        "partnership",
        "content_type",
        "object_id",
        "field",
        "month",
        "rule",
        "count",
    }


def test_models_that_do_not_opt_in_are_not_counted(world):
    profile(world, TEXT)
    assert counts() == []


def test_the_partnerships_glossary_is_used(world, checked_profiles):
    overrides.save_override(world.partnership.pk, {"id": "contact", "enabled": False})
    profile(world, TEXT)
    assert counts() == [("placement", 2)]


def test_a_date_field_sets_the_month(world, checked_profiles, monkeypatch):
    monkeypatch.setattr(RoleProfile, "language_date_field", "written_on", raising=False)
    monkeypatch.setattr(RoleProfile, "written_on", datetime.date(2025, 3, 17), raising=False)
    profile(world, "placement")
    assert TermCount.objects.get().month == datetime.date(2025, 3, 1)


def test_bulk_inserted_records_are_counted_on_request(world, checked_profiles):
    made = RoleProfile.objects.bulk_create(
        [
            RoleProfile(partnership=world.partnership, name=f"P{i}", description="placement")
            for i in range(3)
        ]
    )
    assert counts() == []
    assert indicator.record_counts(made) == 3
    assert indicator.record_counts(made) == 3
    assert counts() == [("placement", 1)] * 3


def seed(world, partnership=None, months_back=0, rule="placement", count=3):
    month = timezone.localdate().replace(day=1)
    for _ in range(months_back):
        month = (month - datetime.timedelta(days=1)).replace(day=1)
    return TermCount.objects.create(
        partnership=partnership or world.partnership,
        content_type=ContentType.objects.get_for_model(RoleProfile),
        object_id="1",
        field="notes",
        month=month,
        rule=rule,
        count=count,
    )


def test_the_page_shows_a_chart_and_a_table_by_month(world, client_for):
    seed(world, months_back=2, count=5)
    seed(world, months_back=0, count=2)
    seed(world, months_back=0, rule="contact", count=1)
    seed(world, partnership=world.other_partnership, count=99)
    seed(world, months_back=14, count=50)  # older than a year: not shown
    response = client_for("promise_lead").get(reverse("language:indicator"))
    body = response.content.decode()
    assert response.context["rules"] == ["placement", "contact"]
    rows = response.context["rows"]
    assert len(rows) == 12
    assert rows[-1][1] == [2, 1] and rows[-3][1] == [5, 0]
    assert response.context["total"] == 8
    assert "<svg" in body and 'role="img"' in body
    assert "99" not in "".join(str(row) for row in rows)


def test_an_empty_indicator_says_so(world, client_for):
    body = client_for("promise_lead").get(reverse("language:indicator")).content
    assert b"No flagged words have been written in the last twelve months." in body


def test_csv_and_xlsx_exports(world, client_for):
    seed(world, months_back=1, count=4)
    client = client_for("promise_lead")
    response = client.get(reverse("language:indicator") + "?download=csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["month", "placement"]
    assert len(rows) == 13
    assert rows[-2][1] == "4" and rows[-1][1] == "0"
    response = client.get(reverse("language:indicator") + "?download=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[1]] == ["month", "placement"]
    assert sheet.max_row == 13
    assert client.get(reverse("language:indicator") + "?download=pdf").status_code == 404
    # Only Promise leads get the figures.
    practitioner = client_for("practitioner")
    assert practitioner.get(reverse("language:indicator") + "?download=csv").status_code == 403


def test_the_page_takes_the_same_queries_with_more_data(
    world, client_for, django_assert_num_queries
):
    client = client_for("promise_lead")
    url = reverse("language:indicator")
    seed(world)
    # session, user, the monthly totals, the partnership (its name in the header and
    # which roles must use two-step sign-in). Permissions come from rules, not the database.
    with django_assert_num_queries(4):
        client.get(url)
    for months_back in range(12):
        for rule in ("placement", "contact", "respite", "lac"):
            seed(world, months_back=months_back, rule=rule)
    with django_assert_num_queries(4):
        client.get(url)


def test_recount_counts_every_opted_in_record_of_a_partnership(world, checked_profiles):
    RoleProfile.objects.bulk_create(
        [
            RoleProfile(partnership=world.partnership, name="A", description="placement"),
            RoleProfile(partnership=world.other_partnership, name="B", description="respite"),
        ]
    )
    assert indicator.recount(world.partnership.pk) == 1
    assert counts() == [("placement", 1)]
    assert indicator.recount() == 2
    assert counts() == [("placement", 1), ("respite", 1)]


def test_the_recount_command(world, checked_profiles):
    from django.core.management import CommandError, call_command

    RoleProfile.objects.bulk_create(
        [RoleProfile(partnership=world.partnership, name="A", description="placement")]
    )
    out = io.StringIO()
    call_command("language-recount", "--partnership", "lochside", stdout=out)
    # Other apps' models opt in too; this one's single count must be among them.
    said = out.getvalue()
    assert said.startswith("Counted 1 rule counts from models: ")
    assert "workforce.RoleProfile" in said
    with pytest.raises(CommandError, match="no partnership with the slug 'nowhere'"):
        call_command("language-recount", "--partnership", "nowhere")


def test_resaving_later_keeps_the_month_first_counted(world, checked_profiles):
    made = profile(world, TEXT)
    earlier = datetime.date(2025, 6, 1)
    TermCount.objects.update(month=earlier)
    made.description = TEXT + " More respite."
    made.save()
    assert set(TermCount.objects.values_list("month", flat=True)) == {earlier}
    assert counts() == [("contact", 1), ("placement", 2), ("respite", 1)]
