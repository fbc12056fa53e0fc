from django.core.management.base import BaseCommand, CommandError

from scaffolding.accounts.models import Partnership
from scaffolding.language import indicator


class Command(BaseCommand):
    help = (
        "Count flagged words again in every record whose model opts in "
        "(language_checked_fields), for the language indicator. Useful after bulk imports "
        "or after changing the glossary. Only counts are stored, never text."
    )

    def add_arguments(self, parser):
        parser.add_argument("--partnership", help="Only this partnership (its slug).")

    def handle(self, *args, partnership=None, **options):
        partnership_id = None
        if partnership:
            found = Partnership.objects.filter(slug=partnership).first()
            if found is None:
                raise CommandError(f"There is no partnership with the slug {partnership!r}.")
            partnership_id = found.pk
        models = indicator.checked_models()
        written = indicator.recount(partnership_id)
        names = ", ".join(model._meta.label for model in models) or "none yet"
        self.stdout.write(f"Counted {written} rule counts from models: {names}.")
