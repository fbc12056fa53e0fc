"""Show imports whose worker stopped as stopped, so people can run them again."""

from django.core.management.base import BaseCommand

from scaffolding.workforce.tasks import recover_stopped_jobs


class Command(BaseCommand):
    help = "Mark imports with no sign of life for SCAFFOLDING_IMPORT_STALE_MINUTES as stopped."

    def handle(self, *args, **options):
        count = recover_stopped_jobs()
        self.stdout.write(f"{count} stopped import{'s' if count != 1 else ''} can be run again.")
