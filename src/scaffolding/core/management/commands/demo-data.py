from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from scaffolding.core import demo


class Command(BaseCommand):
    help = "Build the fictional Glenmorven demo partnership (the same every time for a seed)."

    def add_arguments(self, parser):
        parser.add_argument("--size", type=int, default=200, help="How many people (default 200).")
        parser.add_argument("--seed", type=int, default=2020, help="Seed for the random choices.")
        parser.add_argument(
            "--replace", action="store_true", help="Remove an existing demo partnership first."
        )
        parser.add_argument(
            "--if-missing",
            action="store_true",
            help="Do nothing (but print the sign-ins) when the demo is already loaded.",
        )

    def handle(self, *args, size, seed, replace, if_missing, **options):
        if size < 40:
            raise CommandError("--size must be at least 40, so that every team has people in it.")
        if demo.demo_exists():
            if if_missing:
                self.stdout.write("The demo partnership is already loaded.")
                self._print_logins()
                return
            if not replace:
                raise CommandError(
                    "The demo partnership is already loaded. Use --replace to build it again."
                )
            demo.remove_demo()
        ctx = demo.build(size=size, seed=seed)
        self.stdout.write(
            self.style.SUCCESS(
                f"Built {ctx.partnership.name}: {len(ctx.organisations)} organisations, "
                f"{len(ctx.teams)} teams, {len(ctx.people)} people."
            )
        )
        if options["verbosity"] > 1:
            for app, seconds in ctx.timings.items():
                self.stdout.write(f"  {app:<16} {seconds:6.2f}s")
        self._print_logins()

    def _print_logins(self):
        sign_in = f"{settings.SITE_URL.rstrip('/')}/sign-in/"
        self.stdout.write(f"\nSign in at {sign_in} with any of these:")
        for label, email, full_name in demo.app_sign_ins():
            self.stdout.write(f"  {label:<40} {email:<36} ({full_name})")
        for line in demo.sign_in_notes():
            self.stdout.write(f"  {line}")
