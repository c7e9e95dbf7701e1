"""The custom user: e-mail is the login, the profile lives on the user row."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if not extra_fields["is_staff"] or not extra_fields["is_superuser"]:
            raise ValueError("A superuser must have is_staff and is_superuser.")
        return self._create_user(email, password, **extra_fields)


class OrganisationType(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    MINISTRY = "ministry", _("Ministry")
    CSO = "cso", _("Civil-society organisation")
    OTHER = "other", _("Other")


class Gender(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")


class User(AbstractUser):
    # first_name/last_name stay because Wagtail's user admin edits them; the
    # names printed on certificates are name_ar and name_latin.
    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    name_ar = models.CharField(
        _("full name in Arabic script"),
        max_length=150,
        blank=True,
        help_text=_("As it should appear on Arabic certificates."),
    )
    name_latin = models.CharField(
        _("full name in Latin script"),
        max_length=150,
        blank=True,
        help_text=_("As it should appear on English and French certificates."),
    )
    municipality = models.ForeignKey(
        "municipalities.Municipality",
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="users",
    )
    position = models.CharField(_("position or job title"), max_length=150, blank=True)
    handle = models.CharField(
        _("forum name"),
        max_length=30,
        unique=True,
        null=True,
        blank=True,
        validators=[
            RegexValidator(
                r"^[A-Za-z0-9][A-Za-z0-9_.-]{2,29}$",
                _("3 to 30 Latin letters, digits, dots, dashes or underscores."),
            )
        ],
        help_text=_("Other members mention you in the forums as @name."),
    )
    organisation_type = models.CharField(
        _("organisation type"), max_length=20, choices=OrganisationType.choices, blank=True
    )
    gender = models.CharField(
        _("gender"),
        max_length=10,
        choices=Gender.choices,
        blank=True,
        help_text=_("Optional. Used only in anonymous participation reports."),
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        """The name to greet the user with, in the script they gave first."""
        return (
            self.name_ar
            or self.name_latin
            or " ".join(part for part in (self.first_name, self.last_name) if part)
            or self.email
        )

    def get_full_name(self) -> str:
        return self.display_name

    def get_short_name(self) -> str:
        return self.display_name

    @property
    def profile_complete(self) -> bool:
        return bool((self.name_ar or self.name_latin) and self.municipality_id and self.position)
