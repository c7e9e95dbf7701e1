"""E-mails and reminders of the courses app, sent by Celery workers.

Each task reads the current state from the database, so a retried task sends
the right message; reminders record when they were sent so a re-run does not
send twice.
"""

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from celery import shared_task

from .certificates.tasks import (  # noqa: F401  (workers find tasks here)
    issue_certificate,
    issue_certificates,
    issue_waiting_certificates,
)
from .models import Enrollment, EnrollmentInvitation, EnrollmentStatus

RETRY = {
    "autoretry_for": (OSError,),
    "retry_backoff": True,
    "retry_backoff_max": 600,
    "max_retries": 8,
}
INACTIVITY_DAYS = 14
REMINDER_INTERVAL = timedelta(days=7)
KINDS = {
    "active",
    "pending",
    "waitlisted",
    "approved",
    "rejected",
    "promoted",
    "completed",
    "reminder",
}


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _send(*, template: str, to: str, language: str, context: dict) -> None:
    with translation.override(language):
        subject = render_to_string(f"courses/emails/{template}_subject.txt", context).strip()
        body = render_to_string(f"courses/emails/{template}.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])


@shared_task(**RETRY)
def send_enrollment_email(enrollment_id: int, kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(kind)
    enrollment = (
        Enrollment.objects.select_related("user", "run__course").filter(pk=enrollment_id).first()
    )
    if enrollment is None:
        return
    user = enrollment.user
    with translation.override(user.preferred_language):
        course = enrollment.run.course.localized
        context = {
            "user": user,
            "enrollment": enrollment,
            "course": course,
            "course_url": course.full_url,
            "dashboard_url": _absolute(reverse("courses:dashboard")),
        }
    _send(template=kind, to=user.email, language=user.preferred_language, context=context)


@shared_task(**RETRY)
def send_invitation_email(invitation_id: int) -> None:
    invitation = (
        EnrollmentInvitation.objects.select_related("run__course", "invited_by")
        .filter(pk=invitation_id, accepted_at__isnull=True)
        .first()
    )
    if invitation is None:
        return
    language = settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "invitation": invitation,
            "course": invitation.run.course,
            "signup_url": _absolute(reverse("account_signup")),
        }
    _send(template="invitation", to=invitation.email, language=language, context=context)


@shared_task(**RETRY)
def remind_inactive_learners(run_id: int | None = None, days: int = INACTIVITY_DAYS) -> int:
    """E-mail active learners idle for ``days``; nobody more than once a week."""
    now = timezone.now()
    due = Enrollment.objects.filter(
        status=EnrollmentStatus.ACTIVE, last_activity_at__lt=now - timedelta(days=days)
    ).filter(Q(reminded_at__isnull=True) | Q(reminded_at__lt=now - REMINDER_INTERVAL))
    if run_id is not None:
        due = due.filter(run_id=run_id)
    sent = 0
    for enrollment_id in due.values_list("pk", flat=True):
        # Claim the reminder first: a concurrent or retried run skips this learner.
        claimed = (
            Enrollment.objects.filter(pk=enrollment_id)
            .filter(Q(reminded_at__isnull=True) | Q(reminded_at__lt=now - REMINDER_INTERVAL))
            .update(reminded_at=now)
        )
        if claimed:
            send_enrollment_email.delay(enrollment_id, "reminder")
            sent += 1
    return sent
