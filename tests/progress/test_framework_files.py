"""Tests for scaffolding.progress.framework_files: bundled data, parsing, checking, writing."""

import ast
import csv
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from scaffolding.progress import framework_files as ff
from scaffolding.progress.framework_files import (
    Framework,
    FrameworkFileError,
    FrameworkItem,
    load_bundled,
    parse_csv,
    parse_yaml,
    to_csv,
    to_yaml,
)

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
CALLS = "south-ayrshire-calls-to-action"
PLAN = "plan-21-24-supporting-the-workforce"


# --------------------------------------------------------------------------- helpers


def messages(excinfo: pytest.ExceptionInfo) -> list[str]:
    return excinfo.value.errors


def yaml_text(items: list[dict], **meta) -> str:
    data = {"name": "test-framework", "title": "Test", "kind": "calls_to_action"}
    data.update(meta)
    data["items"] = items
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def item(code: str = "voice-1", number=1, foundation="voice", text="Listen.", **extra) -> dict:
    return {"code": code, "number": number, "foundation": foundation, "text": text, **extra}


def csv_text(rows: list[dict], columns=None) -> str:
    columns = columns or ["framework", "framework_title", "framework_kind", *ITEM_COLUMNS]
    out = io.StringIO()
    writer = csv.DictWriter(out, columns)
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return out.getvalue()


ITEM_COLUMNS = ["code", "number", "foundation", "theme", "text"]


def row(code="voice-1", number="1", foundation="voice", text="Listen.", **extra) -> dict:
    base = {"framework": "test-framework", "framework_title": "Test"}
    base["framework_kind"] = "calls_to_action"
    return {**base, "code": code, "number": number, "foundation": foundation, "text": text} | extra


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# --------------------------------------------------------------------------- bundled data


def test_bundled_framework_names():
    assert ff.bundled_framework_names() == [PLAN, CALLS]


def test_calls_to_action_has_55_items_in_the_documented_split():
    framework = load_bundled(CALLS)
    assert framework.kind == "calls_to_action"
    assert len(framework.items) == 55
    assert framework.count_by_foundation() == {
        "voice": 6,
        "family": 8,
        "care": 22,
        "people": 8,
        "scaffolding": 11,
    }
    assert framework.summary_line() == (
        "south-ayrshire-calls-to-action: 55 items "
        "(Voice 6, Family 8, Care 22, People 8, Scaffolding 11)"
    )


def test_calls_to_action_numbering_restarts_per_foundation_and_codes_are_unique():
    framework = load_bundled(CALLS)
    codes = [i.code for i in framework.items]
    assert len(set(codes)) == 55
    for key, count in framework.count_by_foundation().items():
        numbers = [i.number for i in framework.items if i.foundation == key]
        assert numbers == list(range(1, count + 1))
    assert all(i.code == f"{i.foundation}-{i.number}" for i in framework.items)
    assert all(i.theme and i.text for i in framework.items)


@pytest.mark.parametrize(
    ("code", "theme", "text"),
    [
        (
            "voice-1",
            "DECISION MAKING",
            (
                "South Ayrshire must ensure that decision making is based, first and foremost, "
                "on what the child needs and wants."
            ),
        ),
        (
            "care-18",
            "RESPITE",
            (
                "South Ayrshire must stop using the word 'respite' and rethink the nature of "
                "short breaks."
            ),
        ),
        (
            "family-3",
            "SUPPORTING FAMILIES",
            (
                "When children talk about wanting to be safe, they talk about having relationships "
                "that are real, loving and consistent. That must be the starting point. South "
                "Ayrshire must prioritise that message from children over rules that have too "
                "often failed to keep them safe."
            ),
        ),
        (
            "people-1",
            "STRUCTURE and DEFINITION",
            (
                "South Ayrshire's understanding of the workforce must primarily be about their "
                "role in terms of the degree of closeness of relationships they have with "
                "children, rather than their status as paid/unpaid or in terms of "
                "professional/voluntary."
            ),
        ),
        (
            "people-3",
            "NURTURING SCOTLANDS WORKFORCE",
            (
                "Supporting the workforce to care must be at the heart of South Ayrshire's "
                "service planning.\nSupervision and reflective practice is essential for all "
                "practitioners, regardless of their professional discipline or role, who are "
                "working with children."
            ),
        ),
        (
            "scaffolding-1",
            "STRUCTURE, COMISSIONING, FUNDING and STANDARDS",
            (
                "South Ayrshire must declutter the landscape of how it cares. Services and "
                "provision must be designed on the basis of need and with clear data, rather than "
                "on an acceptance of how the system has always operated."
            ),
        ),
        (
            "scaffolding-9",
            "DATA COLLECTION",
            (
                "South Ayrshire must improve the quality and completeness of its data and consider "
                "the potential of data linkage to improve accountability for outcomes rather than "
                "inputs alone."
            ),
        ),
        (
            "scaffolding-11",
            "INSPECTION & REGULATION",
            (
                "South Ayrshire must re-orientate its system of scrutiny to uphold relationships "
                "so children feel loved, safe and respected"
            ),
        ),
    ],
)
def test_calls_to_action_quote_the_document(code, theme, text):
    found = {i.code: i for i in load_bundled(CALLS).items}[code]
    assert (found.theme, found.text) == (theme, text)


def test_scaffolding_6_is_the_unnumbered_rights_paragraph():
    found = {i.code: i for i in load_bundled(CALLS).items}["scaffolding-6"]
    assert found.theme == "RIGHTS"
    assert found.text.startswith("South Ayrshire must implement the rights of the child")


def test_plan_21_24_has_the_four_outcomes():
    framework = load_bundled(PLAN)
    assert framework.kind == "outcomes"
    assert [i.title for i in framework.items] == [
        "Workforce Values",
        "Trauma-informed",
        "Ongoing Relationships",
        "Workforce Support",
    ]
    assert [i.assessment for i in framework.items] == [
        "Work is underway but does not yet appear sufficient.",
        "Work is underway.",
        "Work is underway.",
        "There is work underway, but does not yet appear sufficient.",
    ]
    assert all(i.foundation == "people" for i in framework.items)
    assert all(set(i.parts) == set(ff.PART_KEYS) for i in framework.items)
    assert framework.summary_line() == (
        f"{PLAN}: 4 items (Voice 0, Family 0, Care 0, People 4, Scaffolding 0)"
    )


def test_plan_21_24_lead_organisations():
    leads = {i.code: i.lead_organisations for i in load_bundled(PLAN).items}
    assert leads["trauma-informed"] == [
        "NHS Education for Scotland",
        "The Scottish Government",
        "Children’s Services Partnerships",
        "COSLA",
    ]
    assert leads["workforce-support"] == [
        "Professional Regulators",
        "Children’s Services Partnerships",
        "COSLA",
        "Scottish Government",
        "SSSC",
        "Police Scotland",
        "Care Providers",
    ]
    assert all(leads.values())


def test_plan_21_24_text_is_what_is_required():
    outcome = load_bundled(PLAN).items[0]
    assert outcome.text == (
        "There will be a national values-based recruitment and workforce development "
        "framework in place and adhered to by all organisations and professions involved in "
        "supporting children and their families."
    )
    assert outcome.parts["committed"].count("• ") == 3


def test_foundations():
    foundations = ff.load_foundations()
    assert [(f.key, f.name, f.order) for f in foundations] == [
        ("voice", "Voice", 1),
        ("family", "Family", 2),
        ("care", "Care", 3),
        ("people", "People", 4),
        ("scaffolding", "Scaffolding", 5),
    ]
    assert foundations[0].description.startswith(
        "Children must be listened to and meaningfully and appropriately involved"
    )
    assert all(f.description for f in foundations)


def seed_text(prefix: str) -> str:
    paths = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not paths:
        pytest.skip(f"seed {prefix} is not at {SEEDS}")
    text = paths[0].read_text(encoding="utf-8")
    # Drop markup and the table-border characters the extraction left at line starts.
    text = re.sub(r"</?u>|\*\*|•", "", text)
    return normalise(re.sub(r"(?m)^[ĪL]\t", "", text))


@pytest.mark.parametrize(("name", "seed"), [(CALLS, "003"), (PLAN, "001")])
def test_every_bundled_text_is_quoted_from_its_seed(name, seed):
    source = seed_text(seed)
    for found in load_bundled(name).items:
        pieces = [found.theme, found.title, found.assessment, *found.lead_organisations]
        pieces += found.text.split("\n")
        for part in found.parts.values():
            pieces += part.replace("• ", "").split("\n")
        for piece in filter(None, pieces):
            assert normalise(piece) in source, (found.code, piece)


def test_foundation_descriptions_are_quoted_from_seed_003():
    source = normalise(re.sub(r"</?u>|\*\*", "", seed_text("003")))
    for foundation in ff.load_foundations():
        for paragraph in foundation.description.split("\n"):
            assert normalise(paragraph) in source, foundation.key


# --------------------------------------------------------------------------- round trips


@pytest.mark.parametrize("name", [CALLS, PLAN])
def test_bundled_frameworks_round_trip(name):
    framework = load_bundled(name)
    assert parse_yaml(to_yaml(framework)) == framework
    assert parse_csv(to_csv(framework)) == framework


TRICKY_TEXT = [
    "a: b",
    "# not a comment",
    "'single' and \"double\" quotes",
    "first line\nsecond line",
    "trailing space \nnext line",
    "first\n  indented second",
    "tab\tinside",
    "Children’s – ‘care system’ é",
    "yes",
    "null",
    "~",
    "1",
    "comma, separated; and | piped",
    "x" * 300,
    "ends with a colon:",
    "paragraph\n\nafter a blank line",
]


@pytest.mark.parametrize("value", TRICKY_TEXT)
def test_round_trip_keeps_awkward_text(value):
    framework = Framework(
        name="tricky",
        title=value,
        kind="outcomes",
        source=value,
        items=[
            FrameworkItem(
                code="a-1",
                number=1,
                foundation="care",
                text=value,
                theme=value,
                title=value,
                other_foundations=["voice", "people"],
                parts={"heard": value, "next_steps": value},
                lead_organisations=[value.replace("\n", " ")],
                assessment=value,
            )
        ],
    )
    assert parse_yaml(to_yaml(framework)) == framework
    assert parse_csv(to_csv(framework)) == framework


def test_fixture_yaml_and_csv_are_the_same_framework():
    from_yaml = parse_yaml((FIXTURES / "small.yaml").read_text(encoding="utf-8"))
    from_csv = parse_csv((FIXTURES / "small.csv").read_text(encoding="utf-8"))
    assert from_yaml == from_csv
    second = from_yaml.items[1]
    assert second.foundation == "scaffolding"  # "Scaffolding" in the file
    assert second.other_foundations == ["people"]
    assert second.lead_organisations == ["SSSC", "The Care Inspectorate"]
    assert second.text.endswith("all practitioners.")  # trailing newline stripped
    assert parse_yaml(to_yaml(from_yaml)) == from_yaml
    assert parse_csv(to_csv(from_yaml)) == from_yaml


def test_parse_file_reads_by_suffix(tmp_path):
    assert ff.parse_file(FIXTURES / "small.yaml") == ff.parse_file(FIXTURES / "small.csv")
    odd = tmp_path / "framework.txt"
    odd.write_text("name: x\n")
    with pytest.raises(FrameworkFileError, match=r"framework.txt: use a \.yaml"):
        ff.parse_file(odd)
    latin = tmp_path / "framework.csv"
    latin.write_bytes("code\nacción\n".encode("latin-1"))
    with pytest.raises(FrameworkFileError, match="not UTF-8 text"):
        ff.parse_file(latin)


def test_csv_byte_order_mark_is_ignored():
    text = "\ufeff" + (FIXTURES / "small.csv").read_text(encoding="utf-8")
    assert parse_csv(text).name == "small-example"


def test_summary_line_for_one_item_and_a_built_framework():
    framework = Framework(
        name="one",
        title="One",
        kind="outcomes",
        items=[FrameworkItem(code="a", number=1, foundation="family", text="Stay.")],
    )
    assert framework.summary_line() == (
        "one: 1 item (Voice 0, Family 1, Care 0, People 0, Scaffolding 0)"
    )


# --------------------------------------------------------------------------- YAML errors


def test_bad_yaml_names_the_line():
    with pytest.raises(FrameworkFileError) as excinfo:
        parse_yaml("name: x\ntitle: T\nitems:\n  - code: [unclosed\n")
    (message,) = messages(excinfo)
    assert re.match(r"line \d+, column \d+: not valid YAML", message)
    assert message.startswith(("line 4,", "line 5,"))


def test_yaml_key_given_twice_names_the_line():
    with pytest.raises(FrameworkFileError) as excinfo:
        parse_yaml("name: x\nname: y\n")
    assert messages(excinfo) == [
        "line 2, column 1: not valid YAML: 'name' is given twice in one mapping"
    ]


def test_yaml_top_level_must_be_a_mapping():
    with pytest.raises(FrameworkFileError, match="top level: expected a mapping"):
        parse_yaml("- a\n- b\n")


def test_yaml_missing_name():
    with pytest.raises(FrameworkFileError) as excinfo:
        parse_yaml(yaml_text([item()], name=None))
    assert messages(excinfo) == [
        "name: missing; give the framework a short name such as 'south-ayrshire-calls-to-action'"
    ]


def test_yaml_bad_name_and_kind():
    with pytest.raises(FrameworkFileError) as excinfo:
        parse_yaml(yaml_text([item()], name="Calls To Action", kind="wishes"))
    assert [m.split(":")[0] for m in messages(excinfo)] == ["name", "kind"]


def test_yaml_missing_foundation_names_the_item():
    with pytest.raises(FrameworkFileError) as excinfo:
        parse_yaml(yaml_text([item(), item("voice-2", 2, foundation=None)]))
    assert messages(excinfo) == [
        (
            "item 2 (code 'voice-2'): foundation: missing; use one of "
            "voice, family, care, people, scaffolding"
        )
    ]


def test_yaml_unknown_foundation():
    with pytest.raises(FrameworkFileError) as excinfo:
        parse_yaml(yaml_text([item(foundation="hope")]))
    assert messages(excinfo) == [
        (
            "item 1 (code 'voice-1'): foundation: unknown foundation 'hope'; use one of "
            "voice, family, care, people, scaffolding"
        )
    ]


def test_yaml_duplicate_codes():
    with pytest.raises(FrameworkFileError) as excinfo:
        parse_yaml(yaml_text([item(), item(number=2)]))
    assert messages(excinfo) == [
        "item 2 (code 'voice-1'): code: 'voice-1' is already used by item 1 (code 'voice-1')"
    ]


def test_yaml_duplicate_number_within_a_foundation_only():
    items = [item(), item("voice-1b", 1), item("care-1", 1, "care")]
    with pytest.raises(FrameworkFileError) as excinfo:
        parse_yaml(yaml_text(items))
    assert messages(excinfo) == [
        "item 2 (code 'voice-1b'): number: Voice 1 is already used by item 1 (code 'voice-1')"
    ]


def test_yaml_empty_text():
    with pytest.raises(FrameworkFileError) as excinfo:
        parse_yaml(yaml_text([item(text="   ")]))
    assert messages(excinfo) == ["item 1 (code 'voice-1'): text: empty; every item needs its text"]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"number": 0}, "item 1 (code 'voice-1'): number: 0 is not a whole number of 1 or more"),
        ({"number": "two"}, "item 1 (code 'voice-1'): number: 'two' is not a whole number"),
        ({"number": True}, "item 1 (code 'voice-1'): number: True is not a whole number"),
        ({"number": None}, "item 1 (code 'voice-1'): number: missing"),
        ({"code": "Voice 1"}, "item 1 (code 'Voice 1'): code: 'Voice 1' must be lower-case"),
        ({"code": None}, "item 1: code: missing"),
        ({"colour": "red"}, "item 1 (code 'voice-1'): colour: unknown field"),
        ({"theme": 12}, "item 1 (code 'voice-1'): theme: expected text, got a number"),
        ({"parts": {"hopes": "x"}}, "item 1 (code 'voice-1'): parts: unknown part 'hopes'"),
        ({"parts": "x"}, "item 1 (code 'voice-1'): parts: expected a mapping, got str"),
        ({"lead_organisations": "SSSC"}, "item 1 (code 'voice-1'): lead_organisations: expected"),
        ({"lead_organisations": [""]}, "item 1 (code 'voice-1'): lead_organisations entry 1: emp"),
        ({"other_foundations": ["voice"]}, "item 1 (code 'voice-1'): other_foundations: 'voice'"),
        ({"other_foundations": ["hope"]}, "item 1 (code 'voice-1'): other_foundations: unknown"),
    ],
)
def test_yaml_item_field_problems(changes, expected):
    with pytest.raises(FrameworkFileError) as excinfo:
        parse_yaml(yaml_text([item(**changes)]))
    (message,) = messages(excinfo)
    assert message.startswith(expected)


def test_yaml_items_missing_empty_or_wrong():
    for items, expected in [
        (None, "items: missing"),
        ([], "items: the file has no items"),
        ({"a": 1}, "items: expected a list, got a mapping"),
        (["just text"], "item 1: expected a mapping of fields, got str"),
    ]:
        text = yaml_text([])
        data = yaml.safe_load(text)
        if items is None:
            del data["items"]
        else:
            data["items"] = items
        with pytest.raises(FrameworkFileError) as excinfo:
            parse_yaml(yaml.safe_dump(data))
        assert messages(excinfo)[0].startswith(expected)


def test_yaml_collects_every_problem():
    items = [item(foundation="hope"), item("voice-2", 2, text=""), item("voice-2", 3)]
    with pytest.raises(FrameworkFileError) as excinfo:
        parse_yaml(yaml_text(items, title=None))
    assert [m.split(":")[0] for m in messages(excinfo)] == [
        "title",
        "item 1 (code 'voice-1')",
        "item 2 (code 'voice-2')",
        "item 3 (code 'voice-2')",
    ]


# --------------------------------------------------------------------------- CSV errors


def test_csv_missing_name_names_the_row_and_column():
    with pytest.raises(FrameworkFileError) as excinfo:
        parse_csv(csv_text([row(framework="")]))
    assert messages(excinfo) == [
        (
            "row 2: framework: missing; give the framework a short name such as "
            "'south-ayrshire-calls-to-action'"
        )
    ]


def test_csv_missing_and_unknown_foundation():
    rows = [row(), row("voice-2", "2", foundation=""), row("voice-3", "3", foundation="Hope")]
    with pytest.raises(FrameworkFileError) as excinfo:
        parse_csv(csv_text(rows))
    assert messages(excinfo) == [
        (
            "row 3 (code 'voice-2'): foundation: missing; use one of "
            "voice, family, care, people, scaffolding"
        ),
        (
            "row 4 (code 'voice-3'): foundation: unknown foundation 'Hope'; use one of "
            "voice, family, care, people, scaffolding"
        ),
    ]


def test_csv_duplicate_codes_and_numbers():
    rows = [row(), row("voice-1", "2"), row("voice-3", "1")]
    with pytest.raises(FrameworkFileError) as excinfo:
        parse_csv(csv_text(rows))
    assert messages(excinfo) == [
        "row 3 (code 'voice-1'): code: 'voice-1' is already used by row 2 (code 'voice-1')",
        "row 4 (code 'voice-3'): number: Voice 1 is already used by row 2 (code 'voice-1')",
    ]


def test_csv_empty_text_and_bad_number():
    with pytest.raises(FrameworkFileError) as excinfo:
        parse_csv(csv_text([row(text=""), row("voice-2", "2.5")]))
    assert messages(excinfo) == [
        "row 2 (code 'voice-1'): text: empty; every item needs its text",
        "row 3 (code 'voice-2'): number: '2.5' is not a whole number of 1 or more",
    ]


def test_csv_wrong_columns_are_named():
    columns = ["framework", "framework_title", "code", "number", "colour", "text"]
    rows = [{"framework": "x", "framework_title": "X", "code": "a", "number": "1", "text": "t"}]
    with pytest.raises(FrameworkFileError) as excinfo:
        parse_csv(csv_text(rows, columns=columns))
    errors = messages(excinfo)
    assert errors[0] == "columns: missing required column(s): framework_kind, foundation"
    assert errors[1].startswith("columns: unknown column(s): 'colour'; known columns: framework,")
    assert len(errors) == 2  # a missing column is not reported again on every row


def test_csv_repeated_column_and_extra_cells():
    text = "framework,framework,framework_title,framework_kind,code,number,foundation,text\n"
    text += "x,x,X,outcomes,a,1,voice,t,surplus\n"
    with pytest.raises(FrameworkFileError) as excinfo:
        parse_csv(text)
    assert messages(excinfo) == [
        "columns: 'framework' appears more than once in the header row",
        "row 2: has 9 cells but the header has 8 columns",
    ]


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_csv_formula_cells_are_refused(start):
    cell = f'{start}HYPERLINK("http://example.invalid")'
    with pytest.raises(FrameworkFileError) as excinfo:
        parse_csv(csv_text([row(), row("voice-2", "2", theme=cell)]))
    assert messages(excinfo) == [
        (
            f"row 3 (code 'voice-2'): theme: starts with {start!r}, which a spreadsheet would run "
            "as a formula; reword it so it starts with a letter or digit"
        )
    ]


def test_csv_formula_after_leading_spaces_is_refused():
    with pytest.raises(FrameworkFileError) as excinfo:
        parse_csv(csv_text([row(text="  =1+1")]))
    assert messages(excinfo)[0].startswith("row 2 (code 'voice-1'): text: starts with '='")


def test_csv_framework_fields_must_agree_across_rows():
    rows = [row(), row("voice-2", "2", framework="another"), row("voice-3", "3", framework="")]
    with pytest.raises(FrameworkFileError) as excinfo:
        parse_csv(csv_text(rows))
    assert messages(excinfo) == [
        (
            "row 3 (code 'voice-2'): framework: 'another' differs from 'test-framework' on row 2; "
            "a file holds one framework"
        )
    ]


def test_csv_blank_rows_are_skipped_but_counted():
    text = (
        csv_text([row()]) + ",,,,,,,\n" + csv_text([row("voice-2", "2", text="")]).split("\n", 1)[1]
    )
    with pytest.raises(FrameworkFileError) as excinfo:
        parse_csv(text)
    assert messages(excinfo) == ["row 4 (code 'voice-2'): text: empty; every item needs its text"]


def test_csv_leading_blank_lines_before_the_header_keep_row_numbers():
    text = "\n\n" + csv_text([row(text="")])
    with pytest.raises(FrameworkFileError) as excinfo:
        parse_csv(text)
    assert messages(excinfo) == ["row 4 (code 'voice-1'): text: empty; every item needs its text"]


def test_csv_header_only_has_no_items():
    with pytest.raises(FrameworkFileError) as excinfo:
        parse_csv(csv_text([]))
    assert "items: the file has no items" in messages(excinfo)


def test_csv_bad_quoting():
    with pytest.raises(FrameworkFileError, match="not valid CSV"):
        parse_csv('framework,code\n"x"y,a\n')


def test_to_csv_refuses_what_it_could_not_read_back():
    framework = parse_yaml(yaml_text([item(text="- a bullet")]))
    with pytest.raises(FrameworkFileError) as excinfo:
        to_csv(framework)
    assert messages(excinfo)[0].startswith("item 1 (code 'voice-1'): text: starts with '-'")


# --------------------------------------------------------------------------- both formats


@pytest.mark.parametrize("parse", [parse_yaml, parse_csv])
@pytest.mark.parametrize("text", ["", "   \n\n", "\ufeff"])
def test_empty_file(parse, text):
    with pytest.raises(FrameworkFileError) as excinfo:
        parse(text)
    assert messages(excinfo) == ["the file is empty"]


@pytest.mark.parametrize("parse", [parse_yaml, parse_csv])
def test_file_too_large(parse):
    text = "#" * (ff.MAX_BYTES + 1)
    with pytest.raises(FrameworkFileError) as excinfo:
        parse(text)
    assert messages(excinfo) == [
        f"the file is too large: {ff.MAX_BYTES + 1} bytes; the limit is 2 MB (2097152 bytes)"
    ]


def test_file_too_large_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * (ff.MAX_BYTES + 1))
    with pytest.raises(FrameworkFileError, match="too large"):
        ff.parse_file(big)


def test_unknown_bundled_name():
    with pytest.raises(FrameworkFileError, match="no bundled framework is called '../x'"):
        load_bundled("../x")


# --------------------------------------------------------------------------- no Django


def test_module_imports_no_django():
    source = Path(ff.__file__).read_text(encoding="utf-8")
    imported = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
    assert "django" not in imported

    code = (
        "import sys, scaffolding.progress.framework_files as m; "
        "m.load_bundled('south-ayrshire-calls-to-action'); "
        "print(sorted(n for n in sys.modules if n == 'django' or n.startswith('django.')))"
    )
    src = str(Path(ff.__file__).resolve().parents[2])
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": src},
    )
    assert result.stdout.strip() == "[]"
