"""``check-language [--format text|json] [PATH ...|-]``: the checker on the command line.

Exit status: 0 no findings, 1 findings, 2 usage or input error (an input error on
any path wins over findings; the other paths are still checked and reported).
Standard input (no PATH, or ``-``) is reported with the path ``<stdin>``.
"""

from __future__ import annotations

import os
from typing import IO

from scaffolding.language.core import QUOTED_MESSAGE, Finding, check
from scaffolding.language.documents import (
    DOCUMENT_EXTENSIONS,
    DocumentError,
    decode_text,
    extract_text,
)

FORMATS = ("text", "json")

STDIN_PATH = "<stdin>"
EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    pass


def build_parser():
    """The full argparse parser: used for --help and anything the quick path does not take."""
    import argparse  # about a fifth of start-up time (it loads gettext): only when needed

    class _Parser(argparse.ArgumentParser):
        # argparse would print to sys.stderr and exit; the caller owns the streams.
        def error(self, message: str):
            raise UsageError(f"{self.format_usage()}{self.prog}: error: {message}\n")

        def exit(self, status: int = 0, message: str | None = None):
            raise UsageError(message or "")

    parser = _Parser(
        prog="check-language",
        description=(
            "Find stigmatising words in writing about children and suggest kinder ones. "
            "Reads .docx and .odt documents, and any other file as UTF-8 text; no PATH or "
            "'-' reads standard input."
        ),
        add_help=False,
    )
    parser.add_argument("--format", choices=FORMATS, default="text")
    parser.add_argument("-h", "--help", action="store_true", help="show this help and exit")
    parser.add_argument("paths", nargs="*", metavar="PATH")
    return parser


def format_text(path: str, finding: Finding) -> str:
    where = f"{path}:{finding.line}:{finding.column}: {finding.rule}: {finding.text!r}"
    if finding.quoted:
        explanation = finding.message.removeprefix(QUOTED_MESSAGE)
        return f"{where} is in a person's own words (quoted): keep it as said ({explanation})"
    suggestions = " / ".join(finding.suggestions)
    return f"{where} -> {suggestions} ({finding.message})"


def read_file_text(path: str, data: bytes) -> str:
    """Word and OpenDocument files by extension; any other file is read as UTF-8 text.

    More lenient than ``extract_text`` (which the upload form uses), so templates,
    source files and notes with any extension can be checked from the command line.
    """
    if os.path.splitext(path)[1].lower() in DOCUMENT_EXTENSIONS:
        return extract_text(path, data)
    return decode_text(path, data)


def _read_stdin(stdin: IO) -> str:
    data = stdin.read()
    if isinstance(data, bytes):
        return decode_text(STDIN_PATH, data)
    return data


def quick_parse(argv: list[str]) -> tuple[str, list[str]] | None:
    """(format, paths) for the usual command lines, without argparse; None for the rest.

    Takes "--format text|json" or "--format=text|json" before the paths, "--", and
    paths; anything else (help, unknown options, options after a path, a bad format)
    goes to argparse, so its messages and exit codes are the same as ever.
    """
    output_format, paths, index = "text", [], 0
    while index < len(argv):
        argument = argv[index]
        if argument == "--":
            paths.extend(argv[index + 1 :])
            break
        if argument.startswith("-") and argument != "-":
            if paths:
                return None
            if argument == "--format" and index + 1 < len(argv) and argv[index + 1] in FORMATS:
                output_format = argv[index + 1]
                index += 2
                continue
            if argument.startswith("--format=") and argument[9:] in FORMATS:
                output_format = argument[9:]
                index += 1
                continue
            return None
        paths.append(argument)
        index += 1
    return output_format, paths


def main(argv: list[str], stdin: IO, stdout: IO, stderr: IO) -> int:
    quick = quick_parse(argv)
    if quick is not None:
        output_format, paths = quick
    else:
        parser = build_parser()
        try:
            options = parser.parse_args(argv)
        except UsageError as error:
            stderr.write(str(error))
            return EXIT_ERROR
        if options.help:
            stdout.write(parser.format_help())
            return EXIT_CLEAN
        output_format, paths = options.format, options.paths

    paths = paths or ["-"]
    if paths.count("-") > 1:
        stderr.write("check-language: error: standard input ('-') can be read only once\n")
        return EXIT_ERROR

    results: list[tuple[str, list[Finding]]] = []
    had_error = False
    for path in paths:
        try:
            if path == "-":
                name, text = STDIN_PATH, _read_stdin(stdin)
            else:
                with open(path, "rb") as handle:
                    data = handle.read()
                name, text = path, read_file_text(path, data)
        except DocumentError as error:
            stderr.write(f"check-language: error: {error}\n")
            had_error = True
            continue
        except OSError as error:
            stderr.write(f"check-language: error: {path}: {error.strerror or error}\n")
            had_error = True
            continue
        results.append((name, check(text)))

    if output_format == "json":
        objects = [finding.to_dict(name) for name, findings in results for finding in findings]
        write_json(objects, stdout)
    else:
        stdout.write(
            "".join(
                format_text(name, finding) + "\n"
                for name, findings in results
                for finding in findings
            )
        )

    if had_error:
        return EXIT_ERROR
    return EXIT_FINDINGS if any(findings for _, findings in results) else EXIT_CLEAN


def write_json(objects: list[dict], stdout: IO) -> None:
    """The findings as an indented JSON list and a newline, the same text as json.dump gives.

    orjson (in C) when installed, about thirty times faster than the json module with
    indentation; its UTF-8 bytes go straight to the stream's buffer when it has one.
    """
    try:
        import orjson
    except ImportError:  # pragma: no cover - the json module gives the same text
        import json

        stdout.write(json.dumps(objects, ensure_ascii=False, indent=2) + "\n")
        return
    data = orjson.dumps(objects, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
    buffer = getattr(stdout, "buffer", None)
    if buffer is None or getattr(stdout, "encoding", "utf-8").lower().replace("-", "") != "utf8":
        stdout.write(data.decode("utf-8"))
        return
    stdout.flush()
    buffer.write(data)
    buffer.flush()


def run() -> None:
    """Entry point for a console script: ``check-language``."""
    import sys

    raise SystemExit(main(sys.argv[1:], sys.stdin, sys.stdout, sys.stderr))


if __name__ == "__main__":
    run()
