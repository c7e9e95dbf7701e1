from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from modelcluster.models import get_serializable_data_for_fields
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from . import reports
from .h5p.forms import H5PContentForm
from .h5p.services import delete_stored_files
from .models import (
    Certificate,
    CertificateTemplate,
    CourseCategory,
    CoursePage,
    CourseRun,
    CourseTeamMember,
    H5PContent,
    Question,
    QuestionBank,
    TeamRole,
)
from .team import (
    CourseTeamPermissionPolicy,
    H5PPermissionPolicy,
    course_object_allowed,
    course_team_sync,
    visible_course_ids_for,
)


class CourseCategoryViewSet(SnippetViewSet):
    model = CourseCategory
    icon = "tag"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "slug"]


# Runs, question banks and questions belong to a course: only its team (and the editorial
# staff) list and open them, as the page explorer shows a trainer only their own courses.
register_permission_policy(CourseRun, CourseTeamPermissionPolicy(CourseRun, course_path="course"))
register_permission_policy(
    QuestionBank, CourseTeamPermissionPolicy(QuestionBank, course_path="course")
)
register_permission_policy(
    Question, CourseTeamPermissionPolicy(Question, course_path="bank__course")
)
register_permission_policy(H5PContent, H5PPermissionPolicy(H5PContent))


def _allowed_to(actions: tuple[str, ...], view_class):
    """The view, refusing an object the user may do none of ``actions`` to (Wagtail's
    object views check the model permission only)."""

    class Allowed(view_class):
        def get_object(self, *args, **kwargs):
            instance = super().get_object(*args, **kwargs)
            if not self.permission_policy.user_has_any_permission_for_instance(
                self.request.user, actions, instance
            ):
                raise PermissionDenied
            return instance

    Allowed.__name__ = Allowed.__qualname__ = f"Allowed{view_class.__name__}"
    return Allowed


def _team_only(view_class):
    """The view, refusing an object of a course that is not the user's."""
    return _allowed_to(("view", "change", "delete"), view_class)


class CourseTeamViewSet(SnippetViewSet):
    edit_view_class = _team_only(snippet_views.EditView)
    delete_view_class = _team_only(snippet_views.DeleteView)
    copy_view_class = _team_only(snippet_views.CopyView)
    usage_view_class = _team_only(snippet_views.UsageView)
    history_view_class = _team_only(snippet_views.HistoryView)
    inspect_view_class = _team_only(snippet_views.InspectView)

    def get_queryset(self, request):
        return self.permission_policy.visible_to(request.user, self.model.objects.all())


class CourseRunViewSet(CourseTeamViewSet):
    model = CourseRun
    icon = "date"
    menu_order = 305
    add_to_admin_menu = True
    list_display = ["title", "course", "mode", "enrolment_policy", "starts", "capacity"]
    list_filter = ["mode", "enrolment_policy"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("course")


class H5PContentViewSet(SnippetViewSet):
    model = H5PContent
    edit_view_class = _allowed_to(("change",), snippet_views.EditView)
    delete_view_class = _allowed_to(("delete",), snippet_views.DeleteView)
    icon = "code"
    menu_order = 306
    add_to_admin_menu = True
    list_display = ["title", "main_library", "size", "created_at"]
    edit_handler = ObjectList(
        [FieldPanel("title"), FieldPanel("package")], base_form_class=H5PContentForm
    )


@hooks.register("after_delete_snippet")
def delete_h5p_files(request, instances):
    for instance in instances:
        if isinstance(instance, H5PContent):
            delete_stored_files(instance.files)


class QuestionBankViewSet(CourseTeamViewSet):
    model = QuestionBank
    icon = "folder-open-inverse"
    menu_order = 307
    add_to_admin_menu = True
    list_display = ["title", "course"]


class QuestionViewSet(CourseTeamViewSet):
    model = Question
    icon = "help"
    menu_order = 308
    add_to_admin_menu = True
    list_display = ["text", "kind", "bank"]
    list_filter = ["bank", "kind"]


class CertificateTemplateViewSet(SnippetViewSet):
    model = CertificateTemplate
    icon = "doc-full-inverse"
    menu_order = 309
    add_to_admin_menu = True
    list_display = ["name", "language", "is_default"]


class CertificateViewSet(SnippetViewSet):
    """Issued certificates: look them up, set an expiry date. Issuing and revoking are
    done from the run's teaching page, which keeps who and why."""

    model = Certificate
    icon = "tick-inverse"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["code", "holder_name", "course_title", "issued_at", "status"]
    search_fields = ["code", "name_ar", "name_latin", "course_title"]

    def get_queryset(self, request):
        return Certificate.objects.select_related("run")


register_snippet(CertificateTemplateViewSet)
register_snippet(CertificateViewSet)
register_snippet(QuestionBankViewSet)
register_snippet(QuestionViewSet)
register_snippet(H5PContentViewSet)
register_snippet(CourseCategoryViewSet)
register_snippet(CourseRunViewSet)


def _is_course(page) -> bool:
    return isinstance(page.specific, CoursePage)


def _lead_by(course: CoursePage, user) -> CoursePage:
    """Make ``user`` a lead of a course they just created or copied.

    Wagtail saved the course's revision before this hook runs, without that team member;
    the editor and course_team_sync read the team from the latest revision, so record the
    lead there too, or the trainer could not publish and their next save would drop them.
    """
    member, created = CourseTeamMember.objects.get_or_create(
        course=course, user=user, defaults={"role": TeamRole.LEAD}
    )
    course = CoursePage.objects.get(pk=course.pk)
    revision = course.latest_revision
    if created and revision is not None:
        revision.content.setdefault("team", []).append(get_serializable_data_for_fields(member))
        revision.save(update_fields=["content"])
    return course


@hooks.register("before_create_page")
def refuse_pages_in_other_teams_courses(request, parent_page, page_class):
    """Trainers hold "add" on the catalogue, which Wagtail extends to every course below it;
    only the course's own team (and editors, moderators, administrators) may add inside it."""
    course = CoursePage.objects.ancestor_of(parent_page, inclusive=True).first()
    if course is not None and not course_object_allowed(user=request.user, course=course):
        raise PermissionDenied


@hooks.register("after_create_page")
def make_creator_lead_trainer(request, page):
    if _is_course(page):
        course = page.specific
        if not request.user.is_superuser:
            course = _lead_by(course, request.user)
        course_team_sync(course=course)


@hooks.register("after_edit_page")
@hooks.register("after_publish_page")
def sync_course_team(request, page):
    if _is_course(page):
        course_team_sync(course=page.specific)


@hooks.register("after_copy_page")
def sync_copied_course_team(request, page, new_page):
    if _is_course(new_page):
        course = new_page.specific
        if not request.user.is_superuser:
            course = _lead_by(course, request.user)
        course_team_sync(course=course)


@hooks.register("construct_explorer_page_queryset")
def hide_other_teams_courses(parent_page, pages, request):
    visible = visible_course_ids_for(request.user)
    if visible is None:
        return pages
    course_ids = CoursePage.objects.child_of(parent_page).values_list("pk", flat=True)
    return pages.exclude(pk__in=set(course_ids) - visible)


@hooks.register("construct_page_chooser_queryset")
def hide_other_teams_courses_in_chooser(pages, request):
    visible = visible_course_ids_for(request.user)
    if visible is None:
        return pages
    hidden = set(CoursePage.objects.values_list("pk", flat=True)) - visible
    return pages.exclude(pk__in=hidden)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("reports/training/", reports.training_report, name="training_report"),
    ]


@hooks.register("register_reports_menu_item")
def register_training_report_menu_item():
    return TrainingReportMenuItem(
        _("Training"), reverse("training_report"), icon_name="table", order=100
    )


class TrainingReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser or request.user.has_perm("courses.view_courserun")
