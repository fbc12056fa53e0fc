from django.core.management.base import BaseCommand

from scaffolding.supervision.tasks import send_supervision_reminders


class Command(BaseCommand):
    help = (
        "Queue reminders for supervision sessions in the next few days and for overdue "
        "supervision. Safe to run as often as you like: each reminder is sent once."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=2, help="Remind about sessions this many days ahead."
        )

    def handle(self, *args, days, **options):
        if days < 0:
            self.stderr.write("--days must be 0 or more.")
            raise SystemExit(2)
        result = send_supervision_reminders.enqueue(days_ahead=days)
        self.stdout.write(f"Supervision reminders queued ({result.id}).")
