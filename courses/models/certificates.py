"""Certificate templates (translatable, managed by administrators) and issued certificates."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import PreviewableMixin, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

PLACEHOLDERS = (
    "{name_ar}",
    "{name_latin}",
    "{name}",
    "{course}",
    "{hours}",
    "{run_dates}",
    "{completion_date}",
    "{grade}",
    "{code}",
)


class SignatoryBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"))
    role = blocks.CharBlock(label=_("Role"))
    signature = ImageChooserBlock(label=_("Signature image"), required=False)

    class Meta:
        icon = "user"
        label = _("Signatory")


class CertificateTemplate(PreviewableMixin, TranslatableMixin, models.Model):
    PAGE_SIZES = [("A4", "A4"), ("letter", "US Letter")]
    ORIENTATIONS = [("landscape", _("Landscape")), ("portrait", _("Portrait"))]

    name = models.CharField(_("name"), max_length=120)
    page_size = models.CharField(_("page size"), max_length=10, choices=PAGE_SIZES, default="A4")
    orientation = models.CharField(
        _("orientation"), max_length=10, choices=ORIENTATIONS, default="landscape"
    )
    background = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("background image"),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(
        _("text"),
        help_text=_(
            "Placeholders: {name_ar} {name_latin} {name} {course} {hours} {run_dates} "
            "{completion_date} {grade} {code}"
        ),
    )
    signatories = StreamField(
        [("signatory", SignatoryBlock())], verbose_name=_("signatories"), blank=True
    )
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    is_default = models.BooleanField(_("default template"), default=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("title"),
        FieldPanel("body"),
        FieldPanel("signatories"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("page_size"), FieldPanel("orientation")]),
                FieldRowPanel([FieldPanel("background"), FieldPanel("logo")]),
                FieldRowPanel([FieldPanel("language"), FieldPanel("is_default")]),
            ],
            heading=_("Layout"),
        ),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("title"),
        TranslatableField("body"),
        TranslatableField("signatories"),
        SynchronizedField("page_size"),
        SynchronizedField("orientation"),
        SynchronizedField("background"),
        SynchronizedField("logo"),
        SynchronizedField("is_default"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate templates")

    def __str__(self) -> str:
        return self.name

    @property
    def direction(self) -> str:
        return "rtl" if self.language == "ar" else "ltr"

    def get_preview_template(self, request, mode_name):
        return "courses/certificates/certificate.html"

    def get_preview_context(self, request, mode_name):
        from courses.certificates.pdf import certificate_context, sample_certificate

        return certificate_context(sample_certificate(self), self, for_pdf=False)


class Certificate(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    code = models.CharField(_("verification code"), max_length=20, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="certificates"
    )
    run = models.ForeignKey(
        "courses.CourseRun", on_delete=models.PROTECT, related_name="certificates"
    )
    enrollment = models.ForeignKey(
        "courses.Enrollment", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    template = models.ForeignKey(
        CertificateTemplate, null=True, on_delete=models.SET_NULL, related_name="certificates"
    )
    # What is printed, as it was on the day of issue.
    name_ar = models.CharField(max_length=150, blank=True)
    name_latin = models.CharField(max_length=150, blank=True)
    course_title = models.CharField(max_length=255)
    hours = models.PositiveSmallIntegerField(default=0)
    grade = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    completed_on = models.DateField()
    issued_at = models.DateTimeField(default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    pdf = models.FileField(upload_to="certificates/", blank=True)
    # Certificates are records, not content: keeping them out of Wagtail's
    # reference index saves a query round per issue (the template's usage
    # count is not worth it).
    wagtail_reference_index_ignore = True

    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoke_reason = models.TextField(blank=True)
    panels = [FieldPanel("expires_on")]

    # This certificate's bit in the published BitstringStatusLists (131,072 to a list).
    status_index = models.PositiveIntegerField(null=True, unique=True, editable=False)
    # The Open Badges credential signed when it was issued (a VC-JWT; see badges.py).
    credential = models.TextField(blank=True, editable=False)

    class Meta:
        ordering = ["-issued_at"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            # Never two valid certificates for one learner and one run, whatever races.
            models.UniqueConstraint(
                fields=["user", "run"],
                condition=Q(revoked_at__isnull=True),
                name="one_valid_certificate_per_run",
            )
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def status(self) -> str:
        if self.revoked_at:
            return "revoked"
        if self.expires_on and self.expires_on < timezone.localdate():
            return "expired"
        return "valid"

    @property
    def holder_name(self) -> str:
        return self.name_ar or self.name_latin


class BadgeKey(models.Model):
    """The public half of an Open Badges signing key (private keys never reach the database)."""

    kid = models.CharField(max_length=64, unique=True)
    public_key = models.CharField(max_length=64)  # base64url of the raw Ed25519 key
    created_at = models.DateTimeField(auto_now_add=True)
    retired_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.kid

    @staticmethod
    def kid_for(public: bytes) -> str:
        import hashlib

        return "ed25519-" + hashlib.sha256(public).hexdigest()[:16]
