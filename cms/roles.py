"""Editorial roles and the two-step workflow for news and events.

Wagtail's first migrations create the Editors and Moderators groups with page
permissions on the root; this completes them for the site's own content and
attaches the news-and-events workflow. Idempotent: ``manage.py setup_roles``
(also run by ``load_demo``) can run on every deploy.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EDITORS = "Editors"
MODERATORS = "Moderators"
# Stored names (content, not interface strings): Arabic, like the rest of the admin.
WORKFLOW_NAME = "الأخبار والفعاليات: مراجعة ثم نشر"
REVIEW_TASK = "المراجعة التحريرية"
PUBLICATION_TASK = "اعتماد النشر"

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    MODERATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("partners", "add_partner"),
    ("partners", "change_partner"),
    ("municipalities", "add_municipality"),
    ("municipalities", "change_municipality"),
]


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _task(name: str, groups: list[Group]) -> GroupApprovalTask:
    task = GroupApprovalTask.objects.filter(name=name).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=name)
    task.groups.set(groups)
    return task


@transaction.atomic
def roles_setup() -> Workflow:
    editors, _created = Group.objects.get_or_create(name=EDITORS)
    moderators, _created = Group.objects.get_or_create(name=MODERATORS)
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    for group in (editors, moderators):
        for codename in PAGE_PERMISSIONS[group.name]:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=_permission("wagtailcore", codename)
            )
        for app_label, codename in COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=_permission(app_label, codename)
            )
        group.permissions.add(*(_permission(*perm) for perm in MODEL_PERMISSIONS))
    # Editors never publish, whatever an older set-up gave them.
    GroupPagePermission.objects.filter(group=editors, permission__codename="publish_page").delete()

    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    steps = [
        _task(REVIEW_TASK, [editors, moderators]),
        _task(PUBLICATION_TASK, [moderators]),
    ]
    for order, task in enumerate(steps):
        WorkflowTask.objects.update_or_create(
            workflow=workflow, task=task, defaults={"sort_order": order}
        )
    workflow_attach_to_news_and_events(workflow=workflow)
    return workflow


def workflow_attach_to_news_and_events(*, workflow: Workflow) -> None:
    from cms.events.models import EventIndexPage
    from cms.news.models import NewsIndexPage

    for model in (NewsIndexPage, EventIndexPage):
        for page in model.objects.all():
            WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
