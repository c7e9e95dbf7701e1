"""Question banks, questions and quiz attempts graded on the server."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable


class QuestionBank(models.Model):
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="question_banks",
    )
    title = models.CharField(_("title"), max_length=200)

    panels = [FieldPanel("title"), FieldPanel("course")]

    class Meta:
        ordering = ["title"]
        verbose_name = _("question bank")
        verbose_name_plural = _("question banks")

    def __str__(self) -> str:
        return self.title


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    TRUE_FALSE = "true_false", _("True or false")
    SHORT = "short", _("Short answer")
    MATCHING = "matching", _("Matching")
    ORDERING = "ordering", _("Ordering")


class Question(ClusterableModel):
    bank = models.ForeignKey(
        QuestionBank, verbose_name=_("bank"), on_delete=models.CASCADE, related_name="questions"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=QuestionKind.choices)
    text = models.TextField(_("question"))
    feedback = models.TextField(
        _("explanation"), blank=True, help_text=_("Shown in the review after submission.")
    )

    panels = [
        FieldPanel("bank"),
        FieldPanel("kind"),
        FieldPanel("text"),
        InlinePanel(
            "choices",
            label=_("Answers"),
            help_text=_(
                "Choice questions: tick the correct answers. Short answer: every accepted "
                "answer. Matching: each item with its match. Ordering: items in the right order."
            ),
        ),
        FieldPanel("feedback"),
    ]

    class Meta:
        ordering = ["bank", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text[:80]


class Choice(Orderable):
    question = ParentalKey(Question, related_name="choices", on_delete=models.CASCADE)
    text = models.CharField(_("answer"), max_length=500)
    match = models.CharField(_("its match (matching questions)"), max_length=500, blank=True)
    correct = models.BooleanField(_("correct"), default=False)
    feedback = models.CharField(_("feedback for this answer"), max_length=500, blank=True)

    panels = [
        FieldPanel("text"),
        FieldPanel("match"),
        FieldPanel("correct"),
        FieldPanel("feedback"),
    ]

    def __str__(self) -> str:
        return self.text


class Attempt(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    enrollment = models.ForeignKey(
        "courses.Enrollment", null=True, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="+")
    block_id = models.CharField(max_length=64)
    # The drawn questions, each with the order its options were shown in.
    layout = models.JSONField(default=list)
    started_at = models.DateTimeField(auto_now_add=True)
    deadline = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    answers = models.JSONField(default=dict)
    results = models.JSONField(default=dict)
    score = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    passed = models.BooleanField(default=False)
    timed_out = models.BooleanField(default=False)

    class Meta:
        ordering = ["started_at"]
        indexes = [models.Index(fields=["user", "lesson", "block_id"])]

    def __str__(self) -> str:
        return f"{self.user} — {self.lesson} ({self.score})"
