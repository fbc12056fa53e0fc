"""The partnership, its organisations and teams, and the people who sign in."""

from django.contrib.auth.models import (
    AbstractBaseUser,
    BaseUserManager,
    PermissionsMixin,
    _user_has_module_perms,
    _user_has_perm,
)
from django.db import models
from django.utils import timezone

from scaffolding.core.tenancy import PartnershipOwned, PartnershipQuerySet


class Partnership(models.Model):
    """A Children's Services Planning Partnership: one local authority area and its partners."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    area = models.CharField("local authority area", max_length=120)
    created_at = models.DateTimeField(default=timezone.now)
    # Roles that must sign in with a second step (admins always do, by setting).
    two_step_roles = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_additional_data(self):
        return {"partnership_id": self.pk}


class Organisation(PartnershipOwned):
    class Kind(models.TextChoices):
        LOCAL_AUTHORITY = "local_authority", "Local authority"
        NHS_BOARD = "nhs_board", "NHS board"
        POLICE = "police", "Police"
        SCHOOL = "school", "School or education"
        THIRD_SECTOR = "third_sector", "Third sector"
        CARE_PROVIDER = "care_provider", "Care provider"
        FAMILY_CARERS = "family_carers", "Family carers (foster, kinship, adoptive)"

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="organisations"
    )
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=30, choices=Kind.choices)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "name"], name="organisation_name_unique_in_partnership"
            )
        ]

    def __str__(self):
        return self.name


class Team(PartnershipOwned):
    partnership_from = "organisation"

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="teams")
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["organisation__name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="team_name_unique_in_organisation"
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.organisation.name})"


class Role(models.TextChoices):
    """What a person does in Scaffolding; each role sees only what it needs.

    Adding a role means a choice here, its rules in `accounts.rules` and a row in
    the permission matrix tests.
    """

    PRACTITIONER = "practitioner", "Practitioner"
    FAMILY_CARER = "family_carer", "Family carer"
    SUPERVISOR = "supervisor", "Supervisor or team leader"
    LEARNING_LEAD = "learning_lead", "Learning and workforce development lead"
    PROMISE_LEAD = "promise_lead", "Promise lead"
    PARTNERSHIP_ADMIN = "partnership_admin", "Partnership admin"
    # Children, young people and care experienced adults: their own story, their say.
    YOUNG_PERSON = "young_person", "Young person"


class CarerKind(models.TextChoices):
    FOSTER = "foster", "Foster carer"
    KINSHIP = "kinship", "Kinship carer"
    ADOPTIVE = "adoptive", "Adoptive parent"


class UserManager(BaseUserManager.from_queryset(PartnershipQuerySet)):
    """Accounts are scoped like partnership data: ``User.objects.for_user(request.user)``."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is needed to sign in.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        """`createsuperuser` makes a partnership admin: no account sees everything.

        `is_superuser` gives nothing extra (see `User.has_perm`), so this person
        manages accounts and structure and reads no one's private content.
        """
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        extra_fields.setdefault("role", Role.PARTNERSHIP_ADMIN)
        extra_fields.setdefault("full_name", "Administrator")
        if "partnership" not in extra_fields and "partnership_id" not in extra_fields:
            extra_fields["partnership"] = Partnership.objects.order_by("pk").first()
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField("email address", unique=True)
    # An admin's change of address waits here until the new address confirms it.
    pending_email = models.EmailField("new email address, not yet confirmed", blank=True)
    full_name = models.CharField(max_length=200)
    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="users", null=True, blank=True
    )
    role = models.CharField(max_length=30, choices=Role.choices, default=Role.PRACTITIONER)
    carer_kind = models.CharField(
        "kind of family carer", max_length=20, choices=CarerKind.choices, blank=True
    )
    is_active = models.BooleanField("can sign in", default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name"]

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email

    def get_additional_data(self):
        return {"partnership_id": self.partnership_id}

    # No all-seeing account: Django's PermissionsMixin answers True to everything
    # for an active superuser. Here a superuser passes through the same rules.
    def has_perm(self, perm, obj=None):
        return _user_has_perm(self, perm, obj)

    def has_perms(self, perm_list, obj=None):
        return all(self.has_perm(perm, obj) for perm in perm_list)

    def has_module_perms(self, app_label):
        return _user_has_module_perms(self, app_label)

    @property
    def is_partnership_admin(self):
        return self.role == Role.PARTNERSHIP_ADMIN

    def save(self, *args, **kwargs):
        self.email = self.email.lower()
        if self.role != Role.FAMILY_CARER:
            self.carer_kind = ""
        super().save(*args, **kwargs)
