"""H5P content packages, the xAPI statements they report, and saved learner state."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class H5PContent(index.Indexed, models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    title = models.CharField(_("title"), max_length=255)
    main_library = models.CharField(_("content type"), max_length=255, editable=False)
    language = models.CharField(_("language"), max_length=20, blank=True, editable=False)
    metadata = models.JSONField(default=dict, editable=False)
    # Where the files are (a new folder on every replacement) and every stored
    # file's name, so deletion works on any storage, S3 included.
    prefix = models.CharField(max_length=100, editable=False)
    files = models.JSONField(default=list, editable=False)
    size = models.PositiveBigIntegerField(_("size (bytes)"), default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [FieldPanel("title")]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("H5P activity")
        verbose_name_plural = _("H5P activities")

    def __str__(self) -> str:
        return self.title


class XAPIStatement(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="xapi_statements"
    )
    content = models.ForeignKey(H5PContent, on_delete=models.CASCADE, related_name="statements")
    lesson = models.ForeignKey(
        "courses.LessonPage", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    verb = models.CharField(max_length=255)
    object_id = models.CharField(max_length=1000, blank=True)
    sub_content_id = models.CharField(max_length=64, blank=True)
    is_top_level = models.BooleanField(default=True)
    completes = models.BooleanField(default=False)
    score = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    success = models.BooleanField(null=True)
    statement = models.JSONField()
    stored_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("xAPI statement")
        verbose_name_plural = _("xAPI statements")
        indexes = [models.Index(fields=["user", "content", "completes"])]

    def __str__(self) -> str:
        return f"{self.user} {self.verb.rsplit('/', 1)[-1]} {self.content}"


class H5PUserData(models.Model):
    """Resume state of one learner in one activity (H5P "content user data")."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    content = models.ForeignKey(H5PContent, on_delete=models.CASCADE, related_name="user_data")
    data_type = models.CharField(max_length=64, default="state")
    sub_content_id = models.CharField(max_length=64, default="0")
    data = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "content", "data_type", "sub_content_id"],
                name="one_h5p_state_per_user",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.content} ({self.data_type})"
