"""Django's flush, able to empty the append-only access log (erasing everything on purpose)."""

from django.core.management.commands.flush import Command as DjangoFlush

from scaffolding.voice.accesslog import erasing


class Command(DjangoFlush):
    def handle(self, **options):
        with erasing():
            return super().handle(**options)
