"""Review of course pages by the course's own lead trainers, as a Wagtail workflow task."""

from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, Task, TaskState

from cms.roles import MODERATORS


def course_group_name(translation_key, kind: str) -> str:
    """The name of a course's Wagtail group: its "team" or its "leads" (``courses.team``
    keeps their members), the same for every translation of the course."""
    return f"course:{translation_key}:{kind}"


def led_course_key(group_name: str) -> str | None:
    """The translation key of the course whose "leads" group this is, else None: the
    reverse of ``course_group_name(key, "leads")``."""
    prefix, _sep, rest = group_name.partition(":")
    key, _sep, kind = rest.rpartition(":")
    return key if prefix == "course" and kind == "leads" and key else None


def course_of(page):
    """The course a page belongs to (itself, for a course page), or None."""
    from .pages import CoursePage

    page = page.specific
    if isinstance(page, CoursePage):
        return page
    return CoursePage.objects.ancestor_of(page).first()


class CourseLeadApprovalTask(Task):
    """A step that the lead trainers of the page's own course approve: a trainer's lesson
    goes to the colleagues who lead that course, not to the site's editorial moderators.
    Administrators approve too. A page outside any course (the catalogue itself) is the
    editorial moderators' to approve, as under Wagtail's default workflow."""

    @staticmethod
    def approver_group(page) -> str:
        """The name of the group whose members approve ``page`` (with administrators)."""
        course = course_of(page)
        if course is None:
            return MODERATORS
        return course_group_name(course.translation_key, "leads")

    def _may_approve(self, page, user) -> bool:
        if user.is_superuser:
            return True
        # Asked several times for one page while the editor renders: answered once.
        checks = user.__dict__.setdefault("_course_review_checks", {})
        if page.pk not in checks:
            checks[page.pk] = user.groups.filter(name=self.approver_group(page)).exists()
        return checks[page.pk]

    def start(self, workflow_state, user=None):
        page = workflow_state.content_object
        # As Wagtail's group task does: a lock held by someone who cannot approve is lifted.
        if getattr(page, "locked_by", None) and not self._may_approve(page, page.locked_by):
            page.locked, page.locked_by, page.locked_at = False, None, None
            page.save(update_fields=["locked", "locked_by", "locked_at"])
        return super().start(workflow_state, user=user)

    def user_can_access_editor(self, obj, user):
        return self._may_approve(obj, user)

    def locked_for_user(self, obj, user):
        return not self._may_approve(obj, user)

    def user_can_lock(self, obj, user):
        return self._may_approve(obj, user)

    def user_can_unlock(self, obj, user):
        return False

    def get_actions(self, obj, user):
        if self._may_approve(obj, user):
            return [
                ("reject", _("Request changes"), True),
                ("approve", _("Approve"), False),
                ("approve", _("Approve with comment"), True),
            ]
        return []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        """Waiting pages of the courses this user leads, and the catalogues for moderators
        (every waiting page, for administrators)."""
        from .pages import CourseIndexPage, CoursePage

        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return states
        groups = set(user.groups.values_list("name", flat=True))  # one query for both
        keys = [key for name in groups if (key := led_course_key(name))]
        paths = CoursePage.objects.filter(translation_key__in=keys).values_list("path", flat=True)
        inside = Q()
        for path in paths:
            inside |= Q(path__startswith=path)
        if MODERATORS in groups:
            inside |= Q(pk__in=CourseIndexPage.objects.values("pk"))
        if not inside:
            return TaskState.objects.none()
        pages = (
            Page.objects.filter(inside)
            .annotate(key=Cast("pk", output_field=CharField()))
            .values("key")
        )
        return states.filter(workflow_state__object_id__in=pages)

    @classmethod
    def get_description(cls):
        return _("The lead trainers of the page's course approve it")

    class Meta:
        verbose_name = _("course lead approval task")
        verbose_name_plural = _("course lead approval tasks")
