from django.core import mail

from scaffolding.accounts.models import User


def test_admin_adds_an_account_and_the_person_is_emailed_a_link(client_for, world):
    admin = client_for("partnership_admin")
    response = admin.post(
        "/accounts/new/",
        {"full_name": "Rhona Grant", "email": "Rhona@Lochside.example", "role": "supervisor"},
    )
    assert response.status_code == 302
    account = User.objects.get(email="rhona@lochside.example")
    assert account.partnership == world.partnership
    assert not account.has_usable_password()
    assert len(mail.outbox) == 1
    assert "Choose your password" in mail.outbox[0].body


def test_bad_account_input_is_refused_next_to_the_field_and_nothing_is_saved(client_for, world):
    admin = client_for("partnership_admin")
    before = User.objects.count()
    response = admin.post(
        "/accounts/new/",
        {"full_name": "", "email": "practitioner@lochside.example", "role": "family_carer"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body
    assert 'id="id_full_name_error"' in body
    assert "Another account already uses this email address." in body
    assert "Choose whether this is a foster, kinship or adoptive carer." in body
    assert User.objects.count() == before
    assert len(mail.outbox) == 0


def test_an_admin_cannot_lock_themselves_out(client_for, world):
    admin_user = world.users["partnership_admin"]
    response = client_for("partnership_admin").post(
        f"/accounts/{admin_user.pk}/",
        {
            "full_name": admin_user.full_name,
            "email": admin_user.email,
            "role": "practitioner",
            "is_active": "",
        },
    )
    assert "You cannot remove your own admin role." in response.content.decode()
    admin_user.refresh_from_db()
    assert admin_user.role == "partnership_admin" and admin_user.is_active


def test_admin_changes_a_role_and_stops_an_account(client_for, world):
    practitioner = world.users["practitioner"]
    client_for("partnership_admin").post(
        f"/accounts/{practitioner.pk}/",
        {"full_name": practitioner.full_name, "email": practitioner.email, "role": "supervisor"},
    )
    practitioner.refresh_from_db()
    assert practitioner.role == "supervisor"
    assert practitioner.is_active is False


def test_admin_cannot_change_another_partnerships_account(client_for, world):
    response = client_for("outsider").post(
        f"/accounts/{world.users['practitioner'].pk}/",
        {"full_name": "Taken over", "email": "x@farhill.example", "role": "partnership_admin"},
    )
    assert response.status_code == 404
    world.users["practitioner"].refresh_from_db()
    assert world.users["practitioner"].full_name == "Eilidh Practitioner"


def test_account_list_shows_only_this_partnership(client_for, world):
    body = client_for("partnership_admin").get("/accounts/").content.decode()
    assert "Eilidh Practitioner" in body
    assert "Farhill Admin" not in body


def test_organisation_and_team_pages_count_people_but_hide_names_from_practitioners(
    client_for, world
):
    team_url = f"/partnership/teams/{world.team.pk}/"
    practitioner_view = client_for("practitioner").get(team_url).content.decode()
    supervisor_view = client_for("supervisor").get(team_url).content.decode()
    assert "3 people in this team." in practitioner_view
    assert "Lorna Learning" not in practitioner_view
    assert "Lorna Learning" in supervisor_view


def test_admin_adds_an_organisation_and_a_team(client_for, world):
    admin = client_for("partnership_admin")
    response = admin.post(
        "/partnership/organisations/new/", {"name": "Lochside Youth Trust", "kind": "third_sector"}
    )
    org = world.partnership.organisations.get(name="Lochside Youth Trust")
    assert response["Location"] == f"/partnership/organisations/{org.pk}/"
    admin.post(f"/partnership/organisations/{org.pk}/teams/new/", {"name": "Mentoring"})
    assert list(org.teams.values_list("name", flat=True)) == ["Mentoring"]


def test_duplicate_organisation_names_are_refused_next_to_the_field(client_for, world):
    response = client_for("partnership_admin").post(
        "/partnership/organisations/new/", {"name": "lochside council", "kind": "local_authority"}
    )
    assert "already has an organisation by this name" in response.content.decode()
    assert world.partnership.organisations.filter(name__iexact="lochside council").count() == 1


def test_admin_resets_another_admins_two_step_sign_in(client_for, world):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from scaffolding.accounts.models import User

    second = User.objects.create_user(
        email="second@lochside.example",
        full_name="Second Admin",
        partnership=world.partnership,
        role="partnership_admin",
    )
    TOTPDevice.objects.create(user=second, name="Lost phone", confirmed=True)
    admin = client_for("partnership_admin")
    assert "Reset two-step sign-in" in admin.get(f"/accounts/{second.pk}/").content.decode()
    admin.post(f"/accounts/{second.pk}/reset-two-step/")
    assert not TOTPDevice.objects.filter(user=second).exists()
    # Nobody can reset their own: that would defeat the second step.
    own = world.users["partnership_admin"]
    admin.post(f"/accounts/{own.pk}/reset-two-step/")
    assert TOTPDevice.objects.filter(user=own).exists()


def test_a_new_account_is_joined_to_the_register_entry_with_its_email(client_for, world):
    colleague = world.people["colleague"]  # in the register, no account yet
    response = client_for("partnership_admin").post(
        "/accounts/new/",
        {"full_name": "Callum Colleague", "email": colleague.email.upper(), "role": "practitioner"},
        follow=True,
    )
    assert "joined it to their entry in the register" in response.content.decode()
    colleague.refresh_from_db()
    assert colleague.user.email == colleague.email.lower()


def test_an_account_is_never_moved_onto_someone_elses_entry(world):
    from scaffolding.workforce.register import link_account

    # The practitioner's entry already has their account; a second account with the
    # entry's email must not take it over.
    taken = world.people["practitioner"]
    same_email = User.objects.create_user(
        email=taken.email, full_name="Same Email", partnership=world.partnership
    )
    assert link_account(same_email) is None
    taken.refresh_from_db()
    assert taken.user == world.users["practitioner"]


def test_an_account_is_only_joined_within_its_own_partnership(world):
    from scaffolding.workforce.register import link_account

    farhill_entry = world.outsider_person
    farhill_entry.email = "shared@example.org"
    farhill_entry.save()
    lochside_account = User.objects.create_user(
        email="shared@example.org", full_name="Shared", partnership=world.partnership
    )
    assert link_account(lochside_account) is None
    farhill_entry.refresh_from_db()
    assert farhill_entry.user is None
