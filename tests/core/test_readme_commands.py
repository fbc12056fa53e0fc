"""The README's command-line examples work as written on a development machine."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"


def _command_block():
    text = README.read_text()
    section = text[text.index("## Command line") :]
    return re.search(r"```sh\n(.*?)```", section, re.S).group(1).splitlines()


def _run(args, env, tmp_path):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SCAFFOLDING_", "DJANGO_"))}
    clean.update(env, SCAFFOLDING_VAR_DIR=str(tmp_path), PYTHONPATH=str(ROOT / "src"))
    code = "from scaffolding.cli import main; import sys; sys.argv[0] = 'scaffolding'; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_every_command_in_the_readme_starts_with_the_environment_it_gives(tmp_path):
    lines = _command_block()
    exported = dict(
        re.match(r"export (\w+)=(\S+)", line).groups()
        for line in lines
        if line.startswith("export")
    )
    assert exported == {"SCAFFOLDING_DEBUG": "1"}
    commands = [line.split()[1] for line in lines if line.startswith(".venv/bin/scaffolding")]
    assert "migrate" in commands and "demo-data" in commands
    for command in commands:
        result = _run([command, "--help"], exported, tmp_path)
        assert result.returncode == 0, f"{command}: {result.stderr[-800:]}"


def test_without_it_the_error_says_what_to_do(tmp_path):
    result = _run(["migrate", "--help"], {}, tmp_path)
    assert result.returncode != 0
    assert "SCAFFOLDING_DEBUG=1" in result.stderr
