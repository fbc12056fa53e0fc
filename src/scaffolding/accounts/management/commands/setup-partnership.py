from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import slugify

from scaffolding.accounts.models import Partnership, Role, User


class Command(BaseCommand):
    help = (
        "Create a partnership and its first partnership admin on a new installation, and print "
        "a one-time link for the admin to choose a password."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--name", required=True, help="e.g. 'Inverglen Children's Services Partnership'"
        )
        parser.add_argument("--area", required=True, help="The local authority area.")
        parser.add_argument("--admin-email", required=True)
        parser.add_argument("--admin-name", required=True)

    def handle(self, *args, name, area, admin_email, admin_name, **options):
        admin_email = admin_email.strip().lower()
        try:
            validate_email(admin_email)
        except ValidationError as error:
            raise CommandError(
                f"--admin-email: {admin_email!r} is not an email address."
            ) from error
        if Partnership.objects.filter(name__iexact=name.strip()).exists():
            raise CommandError(f"--name: a partnership called {name!r} already exists.")
        if User.objects.filter(email__iexact=admin_email).exists():
            raise CommandError(f"--admin-email: an account already uses {admin_email}.")
        with transaction.atomic():
            partnership = Partnership.objects.create(
                name=name.strip(), slug=slugify(name)[:80], area=area.strip()
            )
            admin = User.objects.create_user(
                email=admin_email,
                full_name=admin_name.strip(),
                partnership=partnership,
                role=Role.PARTNERSHIP_ADMIN,
            )
            admin.set_unusable_password()
            admin.save(update_fields=["password"])
        link = settings.SITE_URL.rstrip("/") + reverse(
            "accounts:password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(admin.pk)),
                "token": default_token_generator.make_token(admin),
            },
        )
        self.stdout.write(self.style.SUCCESS(f"Created {partnership.name} ({partnership.area})."))
        self.stdout.write(f"{admin.full_name} can choose a password here (works once, for 3 days):")
        self.stdout.write(link)
