"""`scaffolding check-language` end to end, as a person or a script would run it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCAFFOLDING = Path(sys.executable).parent / "scaffolding"


def run(*args, stdin=""):
    # The product's own settings, as installed (not the test suite's).
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["SCAFFOLDING_DEBUG"] = "1"
    return subprocess.run(  # noqa: S603 - our own console script
        [str(SCAFFOLDING), "check-language", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_stdin_with_findings_in_text_format():
    result = run(stdin="Amy's placement is going well.\n")
    assert result.returncode == 1
    assert result.stdout.startswith("<stdin>:1:7: placement: 'placement' -> home / living with")
    assert result.stderr == ""


def test_stdin_without_findings():
    result = run("-", stdin="Amy lives with her gran.\n")
    assert (result.returncode, result.stdout) == (0, "")


def test_files_in_json_format(tmp_path):
    first = tmp_path / "one.txt"
    first.write_text("Supervised contact on Friday.\n")
    second = tmp_path / "two.txt"
    second.write_text('He said "my placement".\n')
    result = run("--format", "json", str(first), str(second))
    assert result.returncode == 1
    findings = json.loads(result.stdout)
    assert [(f["path"], f["rule"], f["quoted"]) for f in findings] == [
        (str(first), "contact", False),
        (str(second), "placement", True),
    ]
    assert set(findings[0]) == {
        "path",
        "line",
        "column",
        "start",
        "end",
        "text",
        "rule",
        "message",
        "suggestions",
        "quoted",
    }


def test_a_word_document(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Her placement is stable.")
    path = tmp_path / "review.docx"
    document.save(path)
    result = run("--format", "json", str(path))
    assert result.returncode == 1
    assert json.loads(result.stdout)[0]["text"] == "placement"


def test_json_without_findings_is_an_empty_list():
    result = run("--format", "json", stdin="All good.")
    assert (result.returncode, json.loads(result.stdout)) == (0, [])


@pytest.mark.parametrize(
    "args", [("--format", "xml"), ("--colour",), ("missing-file.txt",), ("-", "-")]
)
def test_usage_and_input_errors_exit_2(args):
    result = run(*args, stdin="placement")
    assert result.returncode == 2
    assert "error" in result.stderr


def test_help():
    result = run("--help")
    assert result.returncode == 0
    assert "check-language" in result.stdout and "--format" in result.stdout
