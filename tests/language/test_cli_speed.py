"""What makes check-language start fast: the same output, without Django, YAML or argparse."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from scaffolding.language import glossary as glossary_module
from scaffolding.language.cli import main, quick_parse

SRC = str(Path(glossary_module.__file__).resolve().parents[2])


def run(argv, stdin_text=""):
    stdout, stderr = io.StringIO(), io.StringIO()
    code = main(argv, io.StringIO(stdin_text), stdout, stderr)
    return code, stdout.getvalue(), stderr.getvalue()


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], ("text", [])),
        (["a.txt", "b.txt"], ("text", ["a.txt", "b.txt"])),
        (["--format", "json", "a.txt"], ("json", ["a.txt"])),
        (["--format=json", "-"], ("json", ["-"])),
        (["--", "--odd-name.txt"], ("text", ["--odd-name.txt"])),
        (["--help"], None),
        (["--format", "xml", "a.txt"], None),
        (["a.txt", "--format", "json"], None),
        (["--colour"], None),
    ],
)
def test_quick_parse_takes_only_the_usual_command_lines(argv, expected):
    assert quick_parse(argv) == expected


def test_json_output_is_what_the_json_module_writes():
    text = "Her placement ended.\nMum said “contact is hard”.\nGrüße: LAC review.\n"
    code, out, _ = run(["--format", "json"], text)
    assert code == 1
    objects = json.loads(out)
    assert [item["rule"] for item in objects] == ["placement", "contact", "lac"]
    assert out == json.dumps(objects, ensure_ascii=False, indent=2) + "\n"


def test_json_output_with_no_findings_is_an_empty_list():
    assert run(["--format", "json"], "A kind sentence.\n") == (0, "[]\n", "")


def test_glossary_cache_is_rebuilt_when_the_yaml_changes(tmp_path, monkeypatch):
    monkeypatch.setenv(glossary_module.CACHE_DIR_ENV, str(tmp_path / "cache"))
    source = tmp_path / "glossary.yaml"
    rule = (
        "- id: wee-word\n  patterns: ['{word}']\n  suggestions: [kind]\n"
        "  explanation: Why.\n  source: Test.\n"
    )
    source.write_text(rule.format(word="grumpy"), encoding="utf-8")
    first = glossary_module.load_glossary_cached(source)
    assert first["wee-word"].patterns[0].regex == "grumpy"
    assert len(list((tmp_path / "cache").iterdir())) == 1
    again = glossary_module.load_glossary_cached(source)
    assert again["wee-word"].patterns[0].regex == "grumpy"  # read back from the cache
    source.write_text(rule.format(word="sulky"), encoding="utf-8")
    changed = glossary_module.load_glossary_cached(source)
    assert changed["wee-word"].patterns[0].regex == "sulky"


def test_a_broken_cache_file_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv(glossary_module.CACHE_DIR_ENV, str(tmp_path))
    glossary_module.load_glossary_cached(glossary_module.DEFAULT_GLOSSARY)
    (cached,) = tmp_path.iterdir()
    cached.write_bytes(b"not a pickle")
    rebuilt = glossary_module.load_glossary_cached(glossary_module.DEFAULT_GLOSSARY)
    assert "placement" in rebuilt


def test_the_command_line_imports_no_django_yaml_or_argparse(tmp_path):
    env = {**os.environ, "PYTHONPATH": SRC, glossary_module.CACHE_DIR_ENV: str(tmp_path)}
    probe = (
        "import sys, io\n"
        "from scaffolding.cli import main\n"
        "sys.stdin = io.StringIO('Her placement ended.')\n"
        "try:\n    main(['check-language', '--format', 'json'])\n"
        "except SystemExit:\n    pass\n"
        "print(sorted(m for m in ('django', 'yaml', 'argparse') if m in sys.modules),"
        " file=sys.stderr)\n"
    )
    command = [sys.executable, "-c", probe]
    subprocess.run(command, env=env, capture_output=True, check=False)  # fills the cache
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert '"rule": "placement"' in result.stdout
    assert result.stderr.strip() == "[]"
