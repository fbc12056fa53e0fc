"""`scaffolding load-framework [NAME ...] [--partnership SLUG]`.

Loads bundled frameworks into each partnership (each keeps its own copy so that it can
assess the items) and prints one line per framework, for example
``south-ayrshire-calls-to-action: 55 items (Voice 6, Family 8, Care 22, People 8,
Scaffolding 11)``. Loading again changes nothing.
"""

from django.core.management.base import BaseCommand, CommandError

from scaffolding.accounts.models import Partnership
from scaffolding.progress import framework_files as ff
from scaffolding.progress.loading import load_framework


class Command(BaseCommand):
    help = "Load the bundled frameworks (all, or those named) into the partnership(s)."

    def add_arguments(self, parser):
        parser.add_argument(
            "names", nargs="*", metavar="NAME", help="Bundled framework names (default: all)."
        )
        parser.add_argument(
            "--partnership",
            metavar="SLUG",
            help="Load into this partnership only (default: every partnership).",
        )

    def handle(self, *args, names, partnership, **options):
        bundled = ff.bundled_framework_names()
        unknown = [name for name in names if name not in bundled]
        if unknown:
            raise CommandError(
                f"No bundled framework is called {', '.join(unknown)}. "
                f"Bundled frameworks: {', '.join(bundled)}."
            )
        if partnership:
            partnerships = list(Partnership.objects.filter(slug=partnership))
            if not partnerships:
                raise CommandError(f"No partnership has the short name {partnership!r}.")
        else:
            partnerships = list(Partnership.objects.all())
            if not partnerships:
                raise CommandError(
                    "There is no partnership yet. Create one first (or load the demo with "
                    "'scaffolding demo-data')."
                )
        try:
            frameworks = [ff.load_bundled(name) for name in (names or bundled)]
        except ff.FrameworkFileError as error:
            raise CommandError("\n".join(error.errors)) from None
        for data in frameworks:
            for each in partnerships:
                load_framework(each, data)
            self.stdout.write(data.summary_line())
        self.stderr.write(f"Loaded into: {', '.join(p.name for p in partnerships)}.")
