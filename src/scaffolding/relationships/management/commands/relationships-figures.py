from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from scaffolding.accounts.models import Partnership
from scaffolding.relationships import measures


class Command(BaseCommand):
    help = (
        "Print the relationships measures for a partnership, each with its numerator and "
        "denominator: brothers and sisters, moves of home, trusted adults, staying in touch."
    )

    def add_arguments(self, parser):
        parser.add_argument("partnership", help="The partnership's slug.")
        parser.add_argument("--on", help="The day to count on (YYYY-MM-DD); today if left out.")

    def handle(self, *args, partnership, on=None, **options):
        found = Partnership.objects.filter(slug=partnership).first()
        if found is None:
            raise CommandError(f"There is no partnership with the slug {partnership!r}.")
        try:
            day = date.fromisoformat(on) if on else timezone.localdate()
        except ValueError as error:
            raise CommandError(f"--on must be a date like 2026-11-30, not {on!r}.") from error
        self.stdout.write(f"{found.name}, on {day:%d %B %Y}:")
        for definition in measures.LIVE_MEASURES:
            numerator, denominator = definition["compute"](found.pk, day)
            self.stdout.write(
                f"  {definition['name']}: {measures.shown(definition, numerator, denominator)}"
                f" ({measures.counted(definition, numerator, denominator)})"
            )
        for text in measures.blanket_bans(found.pk):
            self.stdout.write(f"  {text}")
