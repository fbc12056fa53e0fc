"""`scaffolding check-language [--format text|json] [PATH ...|-]`: the core's command line.

Exit status 0 no findings, 1 findings, 2 usage or input error. The core parses
its own arguments, so Django's parser is bypassed and the exit code is passed on.
"""

import sys

from django.core.management.base import BaseCommand

from scaffolding.language import cli


class Command(BaseCommand):
    help = (
        "Find stigmatising words in writing about children and suggest kinder ones. "
        "Usage: check-language [--format text|json] [PATH ...|-]. "
        "Exit status 0 no findings, 1 findings, 2 usage or input error."
    )
    requires_system_checks = []

    def run_from_argv(self, argv):
        # argv is ["scaffolding", "check-language", ...]; the rest belongs to the core's parser.
        sys.exit(cli.main(argv[2:], sys.stdin, sys.stdout, sys.stderr))

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=("text", "json"), default="text")
        parser.add_argument("paths", nargs="*", metavar="PATH")

    def handle(self, *args, paths, format, **options):
        """For call_command(): returns the exit status as text after writing the report."""
        code = cli.main(["--format", format, *paths], sys.stdin, self.stdout, self.stderr)
        return str(code)
