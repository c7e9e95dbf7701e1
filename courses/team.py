"""Course teams as Wagtail permissions.

Wagtail grants page permissions to groups on subtrees, so each course gets two
groups of its own: the team (add and edit the course's pages) and its lead
trainers (who may also publish). Membership follows the course's "Course team"
panel. Trainers otherwise only hold the Trainers group (admin access, images,
documents, and "add" on the catalogue so they can start a new course). What the
team submits goes to the course's leads for approval (``course_review_setup``).
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q

from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.permission_policies import ModelPermissionPolicy

from .models import CourseIndexPage, CourseLeadApprovalTask, CoursePage, TeamRole
from .models.review import course_group_name

TRAINERS = "Trainers"
TEAM_PERMISSIONS = ["add_page", "change_page"]
LEAD_PERMISSIONS = [*TEAM_PERMISSIONS, "publish_page", "lock_page", "unlock_page"]


def _page_permission(codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


def _group(course: CoursePage, kind: str) -> Group:
    return Group.objects.get_or_create(name=course_group_name(course.translation_key, kind))[0]


@transaction.atomic
def course_team_sync(*, course: CoursePage) -> None:
    """Make the course's two groups match its team, on every translation of the course."""
    team = _group(course, "team")
    leads = _group(course, "leads")
    translations = list(course.get_translations(inclusive=True))
    for group, codenames in ((team, TEAM_PERMISSIONS), (leads, LEAD_PERMISSIONS)):
        for page in translations:
            for codename in codenames:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=page, permission=_page_permission(codename)
                )
    latest = course.get_latest_revision_as_object() if course.latest_revision_id else course
    members = {member.user_id: member.role for member in latest.team.all()}
    team.user_set.set(list(members))
    leads.user_set.set([user for user, role in members.items() if role == TeamRole.LEAD])
    trainers = Group.objects.get(name=TRAINERS)
    trainers.user_set.add(*members)


@transaction.atomic
def trainers_group_setup() -> Group:
    trainers, _created = Group.objects.get_or_create(name=TRAINERS)
    trainers.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    root_collection = Collection.get_first_root_node()
    for app_label, codename in (
        ("wagtailimages", "add_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "choose_document"),
    ):
        GroupCollectionPermission.objects.get_or_create(
            group=trainers,
            collection=root_collection,
            permission=Permission.objects.get(content_type__app_label=app_label, codename=codename),
        )
    # "add" on the catalogue lets a trainer start a course (and edit the ones they own);
    # never "change", which would open every course below it.
    for catalogue in CourseIndexPage.objects.all():
        GroupPagePermission.objects.get_or_create(
            group=trainers, page=catalogue, permission=_page_permission("add_page")
        )
    course_review_setup()
    for codename in (
        "add_courserun",
        "change_courserun",
        "view_courserun",
        "add_questionbank",
        "change_questionbank",
        "view_questionbank",
        "add_question",
        "change_question",
        "view_question",
        "add_h5pcontent",
        "change_h5pcontent",
        "view_h5pcontent",
    ):
        trainers.permissions.add(
            Permission.objects.get(content_type__app_label="courses", codename=codename)
        )
    return trainers


# Stored names (content, not interface strings): Arabic, like the rest of the admin.
REVIEW_WORKFLOW = "الدورات: مراجعة المدرّب الرئيسي"
REVIEW_TASK = "مراجعة المدرّب الرئيسي للدورة"


@transaction.atomic
def course_review_setup() -> Workflow:
    """Every catalogue's pages (courses, modules, lessons) go through one workflow whose
    one step the lead trainers of each page's own course approve. Leads publish their
    courses directly; the rest of the team submits to them."""
    task = CourseLeadApprovalTask.objects.filter(name=REVIEW_TASK).first()
    if task is None:
        task = CourseLeadApprovalTask.objects.create(name=REVIEW_TASK)
    workflow, _created = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW)
    WorkflowTask.objects.update_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for catalogue in CourseIndexPage.objects.all():
        WorkflowPage.objects.update_or_create(page=catalogue, defaults={"workflow": workflow})
    return workflow


def visible_course_ids_for(user) -> set[int] | None:
    """Course pages a trainer may see in the admin; None means every course."""
    if user.is_superuser or user.groups.filter(name__in=["Editors", "Moderators"]).exists():
        return None
    keys = user.course_teams.values("course__translation_key")
    owned = CoursePage.objects.filter(owner=user).values("translation_key")
    return set(
        CoursePage.objects.filter(translation_key__in=keys).values_list("pk", flat=True)
    ) | set(CoursePage.objects.filter(translation_key__in=owned).values_list("pk", flat=True))


def course_object_allowed(*, user, course) -> bool:
    """May ``user`` open in the admin something that belongs to ``course`` (a run, a question
    bank, a question)? Its team, editors, moderators and administrators may. Things that
    belong to no course are shared by every trainer."""
    if course is None:
        return True
    visible = visible_course_ids_for(user)
    return visible is None or course.pk in visible


class CourseTeamPermissionPolicy(ModelPermissionPolicy):
    """Model permissions (the Trainers group's), narrowed to the objects of the user's own
    courses: a trainer of another course neither lists nor opens them."""

    def __init__(self, model, *, course_path: str):
        super().__init__(model)
        self.course_path = course_path  # lookup from the model to its course: "bank__course"

    def course_of(self, instance) -> CoursePage | None:
        for part in self.course_path.split("__"):
            instance = getattr(instance, part) if instance is not None else None
        return instance

    def visible_to(self, user, queryset):
        visible = visible_course_ids_for(user)
        if visible is None:
            return queryset
        keys = CoursePage.objects.filter(pk__in=visible).values("translation_key")
        return queryset.filter(
            Q(**{f"{self.course_path}__translation_key__in": keys})
            | Q(**{f"{self.course_path}__isnull": True})
        )

    def user_has_permission_for_instance(self, user, action, instance):
        return super().user_has_permission_for_instance(
            user, action, instance
        ) and course_object_allowed(user=user, course=self.course_of(instance))

    def instances_user_has_any_permission_for(self, user, actions):
        return self.visible_to(user, super().instances_user_has_any_permission_for(user, actions))


class H5PPermissionPolicy(ModelPermissionPolicy):
    """H5P activities are a library every trainer lists and draws on for their lessons;
    changing or deleting one is for whoever uploaded it, the editorial staff and
    administrators, as Wagtail does with images. Another trainer's edit would change
    the activity in every lesson that shows it."""

    def user_has_permission_for_instance(self, user, action, instance):
        if not super().user_has_permission_for_instance(user, action, instance):
            return False
        if action not in ("change", "delete"):
            return True
        return instance.created_by_id == user.pk or visible_course_ids_for(user) is None
