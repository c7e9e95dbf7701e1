"""Who may open what: every course URL against every role."""

from datetime import timedelta
from http import HTTPStatus

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.html import escape

import pytest

from courses import services
from courses.models import CourseTeamMember, TeamRole

from ..accounts.test_signup import translated
from .conftest import make_user

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "outsider", "learner", "other_trainer", "trainer", "admin"]


@pytest.fixture
def world(make_course, make_run, course, run, trainer):
    learner = make_user("enrolled@example.ly")
    services.enrollment_request(user=learner, run=run)
    pending = make_user("pending@example.ly")
    other_trainer = make_user("other@example.ly")
    make_course(slug="other-course", lead=other_trainer)
    users = {
        "anonymous": None,
        "outsider": make_user("outsider@example.ly"),
        "learner": learner,
        "other_trainer": other_trainer,
        "trainer": trainer,
        "admin": get_user_model().objects.create_superuser(email="root@example.ly", password="x"),
    }
    enrollment = run.enrollments.get(user=learner)
    return {
        "users": users,
        "course": course,
        "run": run,
        "pending": pending,
        "enrollment": enrollment,
    }


def as_role(client, world, role):
    user = world["users"][role]
    if user is not None:
        client.force_login(user)
    return client


def url_cases(world):
    course, run = world["course"], world["run"]
    lesson = course.test_lessons[0]
    return {
        "catalogue": ("get", "/ar/courses/"),
        "course": ("get", course.url),
        "lesson": ("get", lesson.url),
        "module": ("get", lesson.get_parent().url),
        "dashboard": ("get", "/ar/my/"),
        "teaching": ("get", "/ar/my/teaching/"),
        "run": ("get", f"/ar/my/teaching/runs/{run.pk}/"),
        "export_csv": ("get", f"/ar/my/teaching/runs/{run.pk}/export.csv"),
        "export_xlsx": ("get", f"/ar/my/teaching/runs/{run.pk}/export.xlsx"),
        "reflections": ("get", f"/ar/my/teaching/runs/{run.pk}/reflections/"),
        "remind": ("post", f"/ar/my/teaching/runs/{run.pk}/remind/"),
        "mark_done": ("post", f"/ar/my/lessons/{lesson.pk}/done/"),
    }


OK, FOUND, FORBIDDEN = HTTPStatus.OK, HTTPStatus.FOUND, HTTPStatus.FORBIDDEN
EXPECTED = {
    #               anonymous outsider  learner    other_tr   trainer    admin
    "catalogue": (OK, OK, OK, OK, OK, OK),
    "course": (OK, OK, OK, OK, OK, OK),
    "lesson": (FOUND, FORBIDDEN, OK, FORBIDDEN, OK, OK),
    "module": (FOUND, FOUND, FOUND, FOUND, FOUND, FOUND),
    "dashboard": (FOUND, OK, OK, OK, OK, OK),
    "teaching": (FOUND, OK, OK, OK, OK, OK),
    "run": (FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, OK),
    "export_csv": (FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, OK),
    "export_xlsx": (FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, OK),
    "reflections": (FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, OK),
    "remind": (FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN, FOUND, FOUND),
    "mark_done": (FOUND, FORBIDDEN, FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
@pytest.mark.parametrize("role", ROLES)
def test_access_matrix(client, world, name, role):
    method, url = url_cases(world)[name]
    response = getattr(as_role(client, world, role), method)(url)
    expected = EXPECTED[name][ROLES.index(role)]
    assert response.status_code == expected, f"{role} {name} {url}"
    if expected == FOUND and role == "anonymous" and name != "module":
        assert "/accounts/login/" in response["Location"]


def test_locked_lesson_says_why_in_arabic(client, world):
    client.force_login(world["users"]["outsider"])
    response = client.get(world["course"].test_lessons[0].url)
    assert response.status_code == FORBIDDEN
    expected = translated("ar", "Enrol in this course to open its lessons.")
    assert escape(expected) in response.content.decode()


def test_sequential_unlocking(client, make_course, make_run):
    course = make_course(slug="sequential", sequential=True)
    run = make_run(course)
    learner = make_user("seq@example.ly")
    enrollment = services.enrollment_request(user=learner, run=run)
    first, optional, last = course.test_lessons
    client.force_login(learner)
    assert client.get(first.url).status_code == OK
    assert client.get(last.url).status_code == FORBIDDEN
    services.lesson_progress_record(enrollment=enrollment, lesson=first)
    assert client.get(optional.url).status_code == OK
    assert client.get(last.url).status_code == OK


def test_module_release_date(client, make_course, make_run):
    course = make_course(slug="released")
    module = course.test_lessons[2].get_parent().specific
    module.available_from = timezone.now() + timedelta(days=3)
    module.save_revision().publish()
    learner = make_user("rel@example.ly")
    services.enrollment_request(user=learner, run=make_run(course))
    client.force_login(learner)
    assert client.get(course.test_lessons[0].url).status_code == OK
    assert client.get(course.test_lessons[2].url).status_code == FORBIDDEN


def test_team_membership_counts_across_translations(world):
    from courses.selectors import team_role

    assert team_role(user=world["users"]["trainer"], course=world["course"]) == TeamRole.LEAD
    assert team_role(user=world["users"]["other_trainer"], course=world["course"]) is None
    assert CourseTeamMember.objects.filter(course=world["course"]).count() == 1


def test_trainer_approves_a_pending_request(client, make_run, world):
    from courses.models import EnrolmentPolicy

    run = make_run(world["course"], enrolment_policy=EnrolmentPolicy.APPROVAL, title="B")
    enrollment = services.enrollment_request(user=world["pending"], run=run)
    client.force_login(world["users"]["other_trainer"])
    url = f"/ar/my/teaching/runs/{run.pk}/enrolments/{enrollment.pk}/approve/"
    assert client.post(url).status_code == FORBIDDEN
    client.force_login(world["users"]["trainer"])
    assert client.post(url, {"message": "أهلا"}).status_code == FOUND
    enrollment.refresh_from_db()
    assert enrollment.status == "active"
