import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from scaffolding.accounts.models import Partnership, User


@pytest.mark.django_db
def test_a_new_installation_gets_its_partnership_and_first_admin(client):
    out = StringIO()
    call_command(
        "setup-partnership",
        name="Inverglen Children's Services Partnership",
        area="Inverglen",
        admin_email="Lead@Inverglen.example",
        admin_name="Ailsa Moore",
        stdout=out,
    )
    admin = User.objects.get(email="lead@inverglen.example")
    assert admin.role == "partnership_admin"
    assert admin.partnership.name == "Inverglen Children's Services Partnership"
    assert not admin.has_usable_password()
    path = re.search(r"https?://[^/]+(/password-reset/\S+/)", out.getvalue()).group(1)
    page = client.get(path, follow=True)
    assert "Choose a password" in page.content.decode()


@pytest.mark.django_db
def test_bad_input_names_the_option_and_saves_nothing():
    with pytest.raises(CommandError, match="--admin-email"):
        call_command(
            "setup-partnership", name="P", area="A", admin_email="not-an-email", admin_name="X"
        )
    assert not Partnership.objects.exists()
    call_command("setup-partnership", name="P", area="A", admin_email="a@p.example", admin_name="X")
    with pytest.raises(CommandError, match="--name"):
        call_command(
            "setup-partnership", name="p", area="A", admin_email="b@p.example", admin_name="Y"
        )
    assert Partnership.objects.count() == 1
