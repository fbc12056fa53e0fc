from django.core.management.base import BaseCommand

from scaffolding.carers.tasks import run_ask_clock


class Command(BaseCommand):
    help = (
        "Queue the ask clock: remind named people of carers' asks due today and pass "
        "overdue asks to their supervisor. Safe to run as often as you like."
    )

    def handle(self, *args, **options):
        result = run_ask_clock.enqueue()
        self.stdout.write(f"Ask clock queued ({result.id}).")
