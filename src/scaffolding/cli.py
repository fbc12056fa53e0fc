"""The `scaffolding` console script: manage.py under the product's own name."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scaffolding.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["scaffolding", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
