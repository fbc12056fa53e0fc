from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from scaffolding.core import summaries


class Command(BaseCommand):
    help = (
        "Work out every summary row again from the records (after a restore, a bulk "
        "change made outside the service, or to check nothing has drifted)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--partnership", help="The partnership's short name (slug); default every one."
        )

    def handle(self, *args, partnership=None, **options):
        Partnership = apps.get_model("accounts", "Partnership")
        chosen = Partnership.objects.order_by("name")
        if partnership:
            chosen = chosen.filter(slug=partnership)
            if not chosen.exists():
                raise CommandError(f"No partnership has the short name {partnership!r}.")
        for each in chosen:
            with transaction.atomic():
                written = summaries.rebuild(each.pk)
            counts = ", ".join(f"{app} {rows:,}" for app, rows in written.items()) or "none"
            self.stdout.write(f"{each.name}: rebuilt ({counts} rows).")
