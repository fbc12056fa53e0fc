from django.core.management.base import BaseCommand

from scaffolding.voice.domain import escalate_overdue


class Command(BaseCommand):
    help = "Send unread 'I don't feel safe' alerts past their time to the next person (once each)."

    def handle(self, *args, **options):
        self.stdout.write(f"{escalate_overdue()} alerts sent to the next person.")
