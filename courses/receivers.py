from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q

from wagtail.admin.mail import EmailNotificationMixin, Notifier
from wagtail.models import TaskState

from .models import CourseLeadApprovalTask
from .services import invitations_accept


def issue_certificate_on_completion(sender, enrollment, **kwargs):
    """Completion (already committed) hands its run's certificates to a Celery worker."""
    from .certificates.completion import certificates_schedule

    certificates_schedule(enrollment.run_id)


def accept_invitations(request, email_address, **kwargs):
    """A newly verified address joins the runs it was invited to by a trainer."""
    invitations_accept(user=email_address.user)


class CourseLeadSubmissionNotifier(EmailNotificationMixin, Notifier):
    """E-mails a course's lead trainers when a page of their course waits for their review,
    with Wagtail's own "submitted" message in each one's admin language. (Wagtail's
    notifier does this for group tasks only.)"""

    notification = "submitted"

    def __init__(self):
        super().__init__((TaskState,))

    def can_handle(self, instance, **kwargs):
        return super().can_handle(instance, **kwargs) and isinstance(
            instance.task.specific, CourseLeadApprovalTask
        )

    def get_context(self, task_state, **kwargs):
        context = super().get_context(task_state, **kwargs)
        page = task_state.workflow_state.content_object
        context |= {"task": task_state.task.specific, "object": page, "page": page.specific}
        context["model_name"] = page._meta.verbose_name
        return context

    def get_recipient_users(self, task_state, **kwargs):
        """The page's approvers (``CourseLeadApprovalTask.approver_group``), with
        administrators as Wagtail includes them, never the person who submitted."""
        page = task_state.workflow_state.content_object
        approvers = Q(groups__name=CourseLeadApprovalTask.approver_group(page))
        if getattr(settings, "WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS", True):
            approvers |= Q(is_superuser=True)
        recipients = get_user_model().objects.filter(approvers).distinct()
        if kwargs.get("user"):
            recipients = recipients.exclude(pk=kwargs["user"].pk)
        return recipients


# Connected in CoursesConfig.ready (signals hold their receivers weakly: kept alive here).
course_lead_submission_notifier = CourseLeadSubmissionNotifier()
