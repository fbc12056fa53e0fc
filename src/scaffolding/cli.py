"""The `scaffolding` console script: manage.py under the product's own name."""

import os
import sys

# Commands that need no database or settings: other tools (editors, CI, the
# before-stop hook) call them on any machine, so they skip Django entirely.
STANDALONE = {"check-language"}


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] in STANDALONE:
        from scaffolding.language import cli as language_cli

        sys.exit(language_cli.main(args[1:], sys.stdin, sys.stdout, sys.stderr))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scaffolding.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["scaffolding", *args])


if __name__ == "__main__":
    main()
