"""Editors submit, moderators publish; go-live and expiry run through the Celery task."""

from datetime import timedelta
from http import HTTPStatus

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Workflow, WorkflowState

import pytest

from cms.news.models import NewsIndexPage, NewsPage
from cms.roles import EDITORS, MODERATORS, WORKFLOW_NAME
from cms.tasks import publish_scheduled

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(django_user_model, demo_site):
    def make(email, group):
        user = django_user_model.objects.create_user(email=email, password="x", name_latin=email)
        user.groups.add(Group.objects.get(name=group))
        return user

    return make("editor@markaz.test", EDITORS), make("moderator@markaz.test", MODERATORS)


@pytest.fixture
def draft(demo_site):
    index = NewsIndexPage.objects.get(locale__language_code="ar")
    page = index.add_child(
        instance=NewsPage(
            title="ورشة جديدة حول الموازنة التشاركية", slug="new", lead="موجز", live=False
        )
    )
    page.save_revision()
    return page


def test_news_uses_the_two_step_workflow(draft):
    workflow = draft.get_workflow()
    assert workflow.name == WORKFLOW_NAME
    assert [task.specific.groups.count() for task in workflow.tasks] == [2, 1]
    assert Workflow.objects.get(name=WORKFLOW_NAME).workflow_pages.count() == 6  # 2 indexes × 3


def test_editor_submits_moderator_publishes_editor_cannot(client, people, draft):
    editor, moderator = people
    assert draft.permissions_for_user(editor).can_edit()
    assert not draft.permissions_for_user(editor).can_publish()
    assert draft.permissions_for_user(moderator).can_publish()

    # The editor's attempt to publish from the admin does not publish.
    client.force_login(editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    assert client.get(edit_url).status_code == HTTPStatus.OK
    state = draft.get_workflow().start(draft, editor)
    draft.refresh_from_db()
    assert not draft.live
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    # The moderator approves both steps through the admin.
    client.force_login(moderator)
    for _step in range(2):
        task_state = WorkflowState.objects.get(pk=state.pk).current_task_state
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=[draft.pk, "approve", task_state.pk]
        )
        response = client.post(url, {"comment": ""})
        assert response.status_code in (HTTPStatus.OK, HTTPStatus.FOUND)
    draft.refresh_from_db()
    assert draft.live
    assert WorkflowState.objects.get(pk=state.pk).status == WorkflowState.STATUS_APPROVED


def test_editor_cannot_approve_the_publication_step(people, draft):
    editor, moderator = people
    state = draft.get_workflow().start(draft, editor)
    state.current_task_state.approve(user=editor)  # editors may do the editorial review
    state.refresh_from_db()
    publication = state.current_task_state.task.specific
    assert publication.get_actions(draft, editor) == []
    actions = [name for name, *_ in publication.get_actions(draft, moderator)]
    assert "approve" in actions
    draft.refresh_from_db()
    assert not draft.live


def test_scheduled_go_live_and_expiry_run_through_the_task(draft, demo_site):
    revision = draft.save_revision()
    revision.approved_go_live_at = timezone.now() - timedelta(seconds=5)
    revision.save()
    expiring = NewsPage.objects.get(slug="djibouti-minister-visit")
    expiring.expire_at = timezone.now() - timedelta(seconds=5)
    expiring.save()

    publish_scheduled.delay()

    draft.refresh_from_db()
    expiring.refresh_from_db()
    assert draft.live
    assert not expiring.live
    assert expiring.expired
