"""Runs, enrolments, invitations and per-lesson progress."""

import secrets
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel


class RunMode(models.TextChoices):
    SELF_PACED = "self_paced", _("Self-paced")
    SCHEDULED = "scheduled", _("Scheduled")
    BLENDED = "blended", _("Blended (with in-person sessions)")


class EnrolmentPolicy(models.TextChoices):
    OPEN = "open", _("Open: anyone with an account enrols")
    APPROVAL = "approval", _("On request: a trainer approves")
    KEY = "key", _("With an enrolment key")
    CLOSED = "closed", _("Closed: trainers enrol learners")


class CourseRun(ClusterableModel):
    """A dated offering of a course, with its trainers, window, capacity and mode."""

    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.PROTECT,
        related_name="runs",
    )
    title = models.CharField(
        _("name of the run"), max_length=120, help_text=_("For example: “Spring 2027, Tripoli”.")
    )
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("trainers"), blank=True, related_name="runs_taught"
    )
    mode = models.CharField(
        _("mode"), max_length=20, choices=RunMode.choices, default=RunMode.SELF_PACED
    )
    enrolment_policy = models.CharField(
        _("enrolment"), max_length=20, choices=EnrolmentPolicy.choices, default=EnrolmentPolicy.OPEN
    )
    enrolment_key = models.CharField(_("enrolment key"), max_length=64, blank=True)
    enrolment_opens = models.DateTimeField(_("enrolment opens"), null=True, blank=True)
    enrolment_closes = models.DateTimeField(_("enrolment closes"), null=True, blank=True)
    starts = models.DateTimeField(_("starts"), null=True, blank=True)
    ends = models.DateTimeField(_("ends"), null=True, blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty for no limit. When full, requests join a waiting list."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("course"),
        FieldPanel("title"),
        FieldPanel("trainers"),
        FieldRowPanel([FieldPanel("mode"), FieldPanel("capacity")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("enrolment_policy"), FieldPanel("enrolment_key")]),
                FieldRowPanel([FieldPanel("enrolment_opens"), FieldPanel("enrolment_closes")]),
            ],
            heading=_("Enrolment"),
        ),
        FieldRowPanel([FieldPanel("starts"), FieldPanel("ends")], heading=_("Dates")),
        InlinePanel("sessions", label=_("In-person sessions")),
    ]

    class Meta:
        ordering = ["-starts", "-created_at"]
        verbose_name = _("course run")
        verbose_name_plural = _("course runs")

    def __str__(self) -> str:
        return f"{self.course.title} — {self.title}"

    def clean(self):
        if self.enrolment_policy == EnrolmentPolicy.KEY and not self.enrolment_key:
            raise ValidationError({"enrolment_key": _("Give the key learners must type.")})
        if self.starts and self.ends and self.ends < self.starts:
            raise ValidationError({"ends": _("A run cannot end before it starts.")})
        if (
            self.enrolment_opens
            and self.enrolment_closes
            and self.enrolment_closes < self.enrolment_opens
        ):
            raise ValidationError(
                {"enrolment_closes": _("Enrolment cannot close before it opens.")}
            )

    @property
    def enrolment_is_open(self) -> bool:
        now = timezone.now()
        if self.enrolment_policy == EnrolmentPolicy.CLOSED:
            return False
        if self.enrolment_opens and now < self.enrolment_opens:
            return False
        if self.enrolment_closes and now > self.enrolment_closes:
            return False
        return not (self.ends and now > self.ends)


class RunSession(models.Model):
    """An in-person or live session of a scheduled or blended run."""

    run = ParentalKey(CourseRun, related_name="sessions", on_delete=models.CASCADE)
    title = models.CharField(_("title"), max_length=200)
    starts = models.DateTimeField(_("starts"))
    ends = models.DateTimeField(_("ends"), null=True, blank=True)
    place = models.CharField(_("place or link"), max_length=255, blank=True)

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("starts"), FieldPanel("ends")]),
        FieldPanel("place"),
    ]

    class Meta:
        ordering = ["starts"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self) -> str:
        return self.title


class EnrollmentStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting approval")
    WAITLISTED = "waitlisted", _("On the waiting list")
    ACTIVE = "active", _("Enrolled")
    COMPLETED = "completed", _("Completed")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    REJECTED = "rejected", _("Not accepted")


# Statuses that hold a place in the run (count against capacity).
SEAT_STATUSES = (EnrollmentStatus.ACTIVE, EnrollmentStatus.COMPLETED)


class Enrollment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="enrollments",
    )
    run = models.ForeignKey(
        CourseRun, verbose_name=_("run"), on_delete=models.CASCADE, related_name="enrollments"
    )
    status = models.CharField(_("status"), max_length=20, choices=EnrollmentStatus.choices)
    # Kept up to date by the progress service, so no page recomputes it.
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    score = models.DecimalField(
        _("average score (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    last_lesson = models.ForeignKey(
        "courses.LessonPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    enrolled_at = models.DateTimeField(_("enrolled"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    last_activity_at = models.DateTimeField(_("last activity"), null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    decision_message = models.TextField(_("message to the learner"), blank=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["user", "run"], name="one_enrollment_per_run")
        ]
        indexes = [models.Index(fields=["run", "status"]), models.Index(fields=["user", "status"])]

    def __str__(self) -> str:
        return f"{self.user} — {self.run}"

    @property
    def has_access(self) -> bool:
        return self.status in SEAT_STATUSES


class EnrollmentInvitation(models.Model):
    """A bulk-enrolment row for an e-mail without an account: accepted on sign-up."""

    run = models.ForeignKey(CourseRun, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    token = models.CharField(max_length=64, unique=True, default=secrets.token_urlsafe)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["run", "email"], name="one_invitation_per_run_email")
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.run}"


class ProgressStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETE = "complete", _("Complete")


class LessonProgress(models.Model):
    enrollment = models.ForeignKey(
        Enrollment, on_delete=models.CASCADE, related_name="lesson_progress"
    )
    # Always the lesson in the course's own language, whichever translation was read.
    lesson = models.ForeignKey(
        "courses.LessonPage", on_delete=models.CASCADE, related_name="progress"
    )
    status = models.CharField(
        max_length=20, choices=ProgressStatus.choices, default=ProgressStatus.IN_PROGRESS
    )
    score = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    time_spent = models.DurationField(default=timedelta)
    first_seen_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(fields=["enrollment", "lesson"], name="one_progress_per_lesson")
        ]

    def __str__(self) -> str:
        return f"{self.enrollment} — {self.lesson} ({self.status})"


class ReflectionAnswer(models.Model):
    """A learner's written answer to a reflection block; history is kept by versions."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="reflections")
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="+")
    block_id = models.CharField(max_length=64)
    text = models.TextField(_("answer"), max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "lesson", "block_id"], name="one_reflection_per_block"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enrollment} — {self.lesson}"
