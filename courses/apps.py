from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    """Catalogue, runs, enrolment, progress, H5P, quizzes and certificates."""

    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        from wagtail.models import TaskState
        from wagtail.signals import task_submitted

        from allauth.account.signals import email_confirmed

        from . import checks  # noqa: F401  (registers the system checks)
        from .receivers import (
            accept_invitations,
            course_lead_submission_notifier,
            issue_certificate_on_completion,
        )
        from .signals import enrollment_completed

        email_confirmed.connect(accept_invitations, dispatch_uid="courses_accept_invitations")
        enrollment_completed.connect(
            issue_certificate_on_completion, dispatch_uid="courses_issue_certificate"
        )
        task_submitted.connect(
            course_lead_submission_notifier,
            sender=TaskState,
            dispatch_uid="courses_course_lead_review_submitted",
        )
