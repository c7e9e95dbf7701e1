"""Trainers in the Arabic admin: their team's courses only; leads can duplicate a course."""

from http import HTTPStatus

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Page

import pytest

from courses.models import CourseIndexPage, CoursePage, CourseTeamMember, TeamRole
from courses.team import TRAINERS, course_team_sync

from .conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def teams(make_course):
    mine, other = make_user("mine@example.ly"), make_user("theirs@example.ly")
    for user in (mine, other):
        user.groups.add(Group.objects.get(name=TRAINERS))
    my_course = make_course(slug="mine", lead=mine)
    their_course = make_course(slug="theirs", lead=other)
    # Their course has an unpublished draft change.
    their_course.title = "مسودة سرية"
    their_course.save_revision()
    return mine, my_course, their_course


def test_trainer_edits_own_course_not_others(client, teams):
    mine, my_course, their_course = teams
    client.force_login(mine)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[my_course.pk])).status_code == 200
    lesson = my_course.test_lessons[0]
    assert client.get(reverse("wagtailadmin_pages:edit", args=[lesson.pk])).status_code == 200
    response = client.get(reverse("wagtailadmin_pages:edit", args=[their_course.pk]))
    assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
    other_lesson = their_course.test_lessons[0]
    response = client.get(reverse("wagtailadmin_pages:edit", args=[other_lesson.pk]))
    assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
    assert not their_course.permissions_for_user(mine).can_publish()


def test_trainer_adds_pages_only_inside_own_courses(client, teams):
    """ "Add" on the catalogue reaches every course below it in Wagtail; the team rule
    narrows it: a module or lesson goes into the trainer's own course, not another's."""
    mine, my_course, their_course = teams
    client.force_login(mine)
    refused = (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)  # the admin redirects home with a message
    for course, allowed in ((my_course, True), (their_course, False)):
        module = course.test_lessons[0].get_parent()
        for parent, model in ((course, "modulepage"), (module, "lessonpage")):
            url = reverse("wagtailadmin_pages:add", args=["courses", model, parent.pk])
            status = client.get(url).status_code
            assert (status == HTTPStatus.OK) if allowed else (status in refused), (course, model)
    module = their_course.test_lessons[0].get_parent()
    url = reverse("wagtailadmin_pages:add", args=["courses", "lessonpage", module.pk])
    response = client.post(url, {"title": "درس دخيل", "slug": "intruder", "action-submit": ""})
    assert response.status_code in refused
    assert not Page.objects.filter(slug="intruder").exists()


def test_explorer_hides_other_teams_courses_and_drafts(client, teams):
    mine, my_course, their_course = teams
    catalogue = CourseIndexPage.objects.get(locale__language_code="ar")
    client.force_login(mine)
    response = client.get(reverse("wagtailadmin_explore", args=[catalogue.pk]))
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert my_course.title in html
    assert their_course.title not in html
    assert "مسودة سرية" not in html


def test_only_leads_publish(teams, make_course):
    mine, my_course, _their = teams
    assistant = make_user("assistant@example.ly")
    CourseTeamMember.objects.create(course=my_course, user=assistant, role=TeamRole.ASSISTANT)
    my_course.save_revision().publish()
    course_team_sync(course=my_course)
    assert my_course.permissions_for_user(mine).can_publish()
    assert my_course.permissions_for_user(assistant).can_edit()
    assert not my_course.permissions_for_user(assistant).can_publish()


def test_trainer_creates_a_course_and_leads_it(client, teams):
    mine, _my_course, _their = teams
    catalogue = CourseIndexPage.objects.get(locale__language_code="ar")
    client.force_login(mine)
    url = reverse("wagtailadmin_pages:add", args=["courses", "coursepage", catalogue.pk])
    assert client.get(url).status_code == HTTPStatus.OK
    data = {
        "title": "دورة جديدة في المالية المحلية",
        "slug": "local-finance-new",
        "summary": "ملخص",
        "level": "beginner",
        "course_language": "ar",
        "estimated_hours": "4",
        "team-TOTAL_FORMS": "0",
        "team-INITIAL_FORMS": "0",
        "team-MIN_NUM_FORMS": "0",
        "team-MAX_NUM_FORMS": "1000",
    }
    response = client.post(url, data)
    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:2000]
    course = CoursePage.objects.get(slug="local-finance-new")
    assert CourseTeamMember.objects.get(course=course).user == mine
    assert course.permissions_for_user(mine).can_edit()
    # The draft's revision names the creator too, so they lead it and may publish it.
    assert course.permissions_for_user(mine).can_publish()
    assert [m.user for m in course.get_latest_revision_as_object().team.all()] == [mine]


def test_lead_trainer_duplicates_a_course_for_a_new_run(client, teams):
    mine, my_course, _their = teams
    client.force_login(mine)
    url = reverse("wagtailadmin_pages:copy", args=[my_course.pk])
    assert client.get(url).status_code == HTTPStatus.OK
    response = client.post(
        url,
        {
            "new_title": "نسخة 2028",
            "new_slug": "mine-2028",
            "new_parent_page": my_course.get_parent().pk,
            "copy_subpages": "on",
            "publish_copies": "",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    copy = CoursePage.objects.get(slug="mine-2028")
    assert Page.objects.descendant_of(copy).count() == Page.objects.descendant_of(my_course).count()
    assert copy.permissions_for_user(mine).can_edit()
    # The copy has its own team, led by the trainer who copied it.
    assert CourseTeamMember.objects.get(course=copy, user=mine).role == TeamRole.LEAD
    assert copy.permissions_for_user(mine).can_publish()


def test_training_report_for_administrators(client, run, learner, django_user_model):
    from courses import services

    services.enrollment_request(user=learner, run=run)
    admin = django_user_model.objects.create_superuser(email="boss@example.ly", password="x")
    client.force_login(admin)
    for dimension in ("course", "municipality", "gender"):
        response = client.get(reverse("training_report"), {"by": dimension})
        assert response.status_code == HTTPStatus.OK
    response = client.get(reverse("training_report"), {"by": "course", "format": "csv"})
    body = response.content.decode("utf-8-sig")
    assert run.course.title in body
    row = next(line for line in body.splitlines() if line.startswith(run.course.title))
    assert row.split(",")[1:4] == ["1", "0", "0"]  # enrolled, completed, certified
    client.force_login(learner)
    assert client.get(reverse("training_report")).status_code in (302, 403)
