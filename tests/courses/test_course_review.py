"""A trainer's changes to a course go to that course's lead trainers for approval."""

from http import HTTPStatus

from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from wagtail.models import TaskState, WorkflowState

import pytest

from cms.roles import MODERATORS
from courses.models import CourseLeadApprovalTask, CourseTeamMember, TeamRole
from courses.team import TRAINERS, course_review_setup, course_team_sync

from .conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def teams(make_course):
    lead, colleague, other_lead = (
        make_user(email) for email in ("lead@example.ly", "colleague@example.ly", "o@example.ly")
    )
    moderator = make_user("moderator@example.ly")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    for user in (lead, colleague, other_lead):
        user.groups.add(Group.objects.get(name=TRAINERS))
    course = make_course(slug="reviewed", lead=lead)
    CourseTeamMember.objects.create(course=course, user=colleague, role=TeamRole.TRAINER)
    course.save_revision().publish()
    course_team_sync(course=course)
    other = make_course(slug="elsewhere", lead=other_lead)
    return {
        "lead": lead,
        "colleague": colleague,
        "other_lead": other_lead,
        "moderator": moderator,
        "course": course,
        "other": other,
    }


def test_a_trainers_lesson_goes_to_the_course_lead_who_publishes_it(client, teams):
    lesson, colleague, lead = teams["course"].test_lessons[0], teams["colleague"], teams["lead"]
    assert lesson.permissions_for_user(colleague).can_edit()
    assert not lesson.permissions_for_user(colleague).can_publish()
    workflow = lesson.get_workflow()
    assert isinstance(workflow.tasks.get().specific, CourseLeadApprovalTask)

    lesson.title = "الدرس بعد التعديل"
    lesson.save_revision(user=colleague)
    mail.outbox.clear()
    state = workflow.start(lesson, colleague)

    # The course's lead is told, not the other course's lead nor the editorial moderators.
    recipients = {address for message in mail.outbox for address in message.to}
    assert lead.email in recipients
    assert teams["other_lead"].email not in recipients
    assert teams["moderator"].email not in recipients
    assert colleague.email not in recipients

    # It waits in the lead's review list, and in nobody else's.
    task_state = state.current_task_state
    assert TaskState.objects.reviewable_by(lead).filter(pk=task_state.pk).exists()
    for someone in ("other_lead", "moderator", "colleague"):
        assert not TaskState.objects.reviewable_by(teams[someone]).filter(pk=task_state.pk)
        assert task_state.task.specific.get_actions(lesson, teams[someone]) == []

    client.force_login(lead)
    assert "الدرس بعد التعديل" in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(teams["other_lead"])
    assert "الدرس بعد التعديل" not in client.get(reverse("wagtailadmin_home")).content.decode()

    # Another course's lead cannot approve it through the admin; the lead can.
    url = reverse("wagtailadmin_pages:workflow_action", args=[lesson.pk, "approve", task_state.pk])
    client.force_login(teams["other_lead"])
    client.post(url, {"comment": ""})
    lesson.refresh_from_db()
    assert lesson.title != "الدرس بعد التعديل"
    assert WorkflowState.objects.get(pk=state.pk).status == WorkflowState.STATUS_IN_PROGRESS

    client.force_login(lead)
    response = client.post(url, {"comment": ""})
    assert response.status_code in (HTTPStatus.OK, HTTPStatus.FOUND)
    lesson.refresh_from_db()
    assert lesson.live and lesson.title == "الدرس بعد التعديل"
    assert WorkflowState.objects.get(pk=state.pk).status == WorkflowState.STATUS_APPROVED


def test_the_lead_sends_a_lesson_back_with_a_comment(client, teams):
    lesson, colleague, lead = teams["course"].test_lessons[1], teams["colleague"], teams["lead"]
    lesson.save_revision(user=colleague)
    state = lesson.get_workflow().start(lesson, colleague)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[lesson.pk, "reject", state.current_task_state.pk],
    )
    client.force_login(lead)
    client.post(url, {"comment": "أضف مثالاً من بلدية طرابلس"})
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "أضف مثالاً من بلدية طرابلس"


def test_every_catalogue_uses_the_course_review_once(teams):
    from courses.models import CourseIndexPage

    workflow = course_review_setup()
    assert course_review_setup() == workflow  # idempotent
    catalogues = CourseIndexPage.objects.all()
    assert catalogues.count() == 3
    assert {page.get_workflow() for page in catalogues} == {workflow}
    assert CourseLeadApprovalTask.objects.count() == 1


def test_the_catalogue_page_itself_stays_with_the_editorial_moderators(teams):
    from courses.models import CourseIndexPage

    catalogue = CourseIndexPage.objects.get(locale__language_code="ar")
    colleague = make_user("second-moderator@example.ly")
    colleague.groups.add(Group.objects.get(name=MODERATORS))
    catalogue.save_revision(user=teams["moderator"])
    mail.outbox.clear()
    state = catalogue.get_workflow().start(catalogue, teams["moderator"])
    recipients = {address for message in mail.outbox for address in message.to}
    assert colleague.email in recipients and teams["lead"].email not in recipients
    task_state = state.current_task_state
    task = task_state.task.specific
    assert [name for name, *_ in task.get_actions(catalogue, teams["moderator"])][:2] == [
        "reject",
        "approve",
    ]
    assert task.get_actions(catalogue, teams["lead"]) == []
    assert TaskState.objects.reviewable_by(teams["moderator"]).filter(pk=task_state.pk).exists()
    assert not TaskState.objects.reviewable_by(teams["lead"]).filter(pk=task_state.pk).exists()
