"""Serving H5P files, xAPI statements and resume state, each behind the lesson's access rules."""

import json
from http import HTTPStatus
from pathlib import Path

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wagtail.rich_text import RichText

import pytest

from courses import services
from courses.h5p.services import h5p_import_path
from courses.models import EnrollmentStatus, LessonPage, LessonProgress, XAPIStatement

from .conftest import make_user

pytestmark = pytest.mark.django_db
SHARED = Path(__file__).resolve().parents[3] / "shared" / "h5p" / "valid"
ADL = "http://adlnet.gov/expapi/verbs/"
SUB = "http://h5p.org/x-api/h5p-subContentId"


@pytest.fixture
def activity(db):
    return h5p_import_path(path=SHARED / "H5P.TrueFalse-small.h5p", title="صح أم خطأ")


@pytest.fixture
def question_set(db):
    return h5p_import_path(path=SHARED / "H5P.QuestionSet.h5p", title="مجموعة أسئلة")


def add_lesson(course, *contents, slug="interactive"):
    module = course.test_lessons[0].get_parent()
    lesson = module.add_child(
        instance=LessonPage(
            title="نشاط تفاعلي",
            slug=slug,
            body=[
                ("paragraph", RichText("<p>نشاط</p>")),
                *[("h5p", {"content": content}) for content in contents],
            ],
        )
    )
    lesson.save_revision().publish()
    return lesson


@pytest.fixture
def setting(course, run, trainer, activity):
    learner = make_user("player@example.ly")
    enrollment = services.enrollment_request(user=learner, run=run)
    lesson = add_lesson(course, activity)
    return {"learner": learner, "enrollment": enrollment, "lesson": lesson, "trainer": trainer}


def statement(verb, *, score=None, sub=None, maximum=1):
    data = {
        "actor": {"objectType": "Agent", "name": "anonymous"},
        "verb": {"id": ADL + verb, "display": {"en-US": verb}},
        "object": {"id": "http://testserver/h5p/x", "definition": {"extensions": {}}},
    }
    if sub:
        data["object"]["definition"]["extensions"][SUB] = sub
    if score is not None:
        data["result"] = {"score": {"raw": score, "max": maximum, "min": 0}, "completion": True}
    return data


def post(client, content, lesson, data, **extra):
    return client.post(
        f"/h5p/{content.pk}/xapi/?lesson={lesson.pk}",
        data=json.dumps(data),
        content_type="application/json",
        **extra,
    )


def progress(setting):
    return LessonProgress.objects.filter(
        enrollment=setting["enrollment"], lesson=setting["lesson"]
    ).first()


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("anonymous", HTTPStatus.NOT_FOUND),
        ("outsider", HTTPStatus.FORBIDDEN),
        ("learner", HTTPStatus.OK),
        ("trainer", HTTPStatus.OK),
    ],
)
def test_files_only_for_people_who_may_open_the_lesson(client, setting, activity, who, expected):
    users = {"outsider": make_user("nobody@example.ly"), **setting}
    if who != "anonymous":
        client.force_login(users[who])
    response = client.get(f"/h5p/{activity.pk}/h5p.json")
    assert response.status_code == expected


def test_files_are_served_safely(client, setting, activity):
    client.force_login(setting["learner"])
    response = client.get(f"/h5p/{activity.pk}/h5p.json")
    assert response["Content-Type"] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "default-src 'none'" in response["Content-Security-Policy"]
    script = next(name for name in activity.files if name.endswith(".js"))
    response = client.get(f"/h5p/{activity.pk}/{script.removeprefix(activity.prefix)}")
    assert response["Content-Type"] == "text/javascript"
    assert client.get(f"/h5p/{activity.pk}/../../settings.py").status_code == 404
    assert client.get(f"/h5p/{activity.pk}/H5P_CONTENT_HERE.txt").status_code == 404


def test_svg_cannot_run_script_on_our_origin(client, setting, question_set, course):
    add_lesson(course, question_set, slug="set")
    client.force_login(setting["learner"])
    svg = next(name for name in question_set.files if name.endswith(".svg"))
    response = client.get(f"/h5p/{question_set.pk}/{svg.removeprefix(question_set.prefix)}")
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "image/svg+xml"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "script-src" not in response["Content-Security-Policy"]  # default-src 'none' rules


def test_answered_statement_completes_the_lesson_with_its_score(client, setting, activity):
    client.force_login(setting["learner"])
    assert post(client, activity, setting["lesson"], statement("attempted")).status_code == 201
    assert post(client, activity, setting["lesson"], statement("interacted")).status_code == 201
    assert progress(setting) is None  # trying is not finishing
    response = post(client, activity, setting["lesson"], statement("answered", score=1))
    assert response.status_code == 201
    assert response.json()["completes"] is True
    row = progress(setting)
    assert row.status == "complete"
    assert row.score == 100
    assert XAPIStatement.objects.filter(user=setting["learner"]).count() == 3


def test_reported_duration_adds_to_the_time_spent_on_the_lesson(client, setting, activity):
    from datetime import timedelta

    client.force_login(setting["learner"])
    answered = statement("answered", score=1)
    answered["result"]["duration"] = "PT1M12.5S"
    post(client, activity, setting["lesson"], answered)
    again = statement("answered", score=1)
    again["result"]["duration"] = "PT30S"
    post(client, activity, setting["lesson"], again)
    assert progress(setting).time_spent == timedelta(minutes=1, seconds=42.5)
    odd = statement("answered", score=1)
    odd["result"]["duration"] = "forever"
    post(client, activity, setting["lesson"], odd)
    assert progress(setting).time_spent == timedelta(minutes=1, seconds=42.5)


def test_nested_statements_never_complete_the_parent(client, setting, question_set, course):
    lesson = add_lesson(course, question_set, slug="set")
    client.force_login(setting["learner"])
    for verb in ("answered", "completed", "passed"):
        response = post(client, question_set, lesson, statement(verb, score=1, sub="a1b2c3"))
        assert response.json()["completes"] is False
    assert not LessonProgress.objects.filter(lesson=lesson, status="complete").exists()
    post(client, question_set, lesson, statement("completed", score=3, maximum=4))
    row = LessonProgress.objects.get(lesson=lesson)
    assert (row.status, row.score) == ("complete", 75)


def test_lesson_with_two_activities_completes_when_both_are_done(
    client, setting, course, activity, question_set
):
    lesson = add_lesson(course, activity, question_set, slug="two")
    client.force_login(setting["learner"])
    post(client, activity, lesson, statement("answered", score=1))
    assert not LessonProgress.objects.filter(lesson=lesson, status="complete").exists()
    post(client, question_set, lesson, statement("completed", score=1, maximum=2))
    row = LessonProgress.objects.get(lesson=lesson)
    assert (row.status, row.score) == ("complete", 75)


def test_consumed_content_completes_without_a_score(client, setting, activity):
    client.force_login(setting["learner"])
    post(client, activity, setting["lesson"], statement("consumed"))
    row = progress(setting)
    assert row.status == "complete"
    assert row.score is None


def test_statements_need_access_csrf_and_a_sane_body(setting, activity):
    lesson = setting["lesson"]
    outsider = Client()
    outsider.force_login(make_user("out@example.ly"))
    assert post(outsider, activity, lesson, statement("answered", score=1)).status_code == 403

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(setting["learner"])
    assert post(strict, activity, lesson, statement("answered", score=1)).status_code == 403
    assert not XAPIStatement.objects.exists()

    client = Client()
    client.force_login(setting["learner"])
    huge = statement("answered", score=1)
    huge["context"] = {"padding": "x" * 70_000}
    assert post(client, activity, lesson, huge).status_code == 413
    assert post(client, activity, lesson, {"verb": "answered"}).status_code == 400
    assert post(client, activity, lesson, {"verb": {"id": ADL + "answered"}}).status_code == 400
    response = client.post(
        f"/h5p/{activity.pk}/xapi/?lesson={lesson.pk}",
        data="verb=answered",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 415
    # Content that this lesson does not use is refused.
    other = h5p_import_path(path=SHARED / "H5P.Summary.h5p")
    assert post(client, other, lesson, statement("answered", score=1)).status_code == 404
    assert not XAPIStatement.objects.exists()


def test_frequent_statements_are_stored_with_one_insert_once_access_is_checked(
    client, setting, activity
):
    """A player sends a statement per answer or slide; after the first, each is one INSERT."""
    lesson = setting["lesson"]
    client.force_login(setting["learner"])
    assert post(client, activity, lesson, statement("attempted")).status_code == 201
    with CaptureQueriesContext(connection) as queries:
        assert post(client, activity, lesson, statement("interacted")).status_code == 201
    # The session (unless the cache holds it) and the signed-in user, then the INSERT.
    statements = [q["sql"] for q in queries if "django_session" not in q["sql"]]
    assert len(statements) == 2, statements
    assert statements[1].startswith('INSERT INTO "courses_xapistatement"')
    stored = XAPIStatement.objects.filter(user=setting["learner"]).order_by("stored_at")
    assert [row.verb for row in stored] == [ADL + "attempted", ADL + "interacted"]
    assert {(row.content_id, row.lesson_id) for row in stored} == {(activity.pk, lesson.pk)}
    # Whoever else posts is checked on their own, remembered access or not.
    outsider = Client()
    outsider.force_login(make_user("late@example.ly"))
    assert post(outsider, activity, lesson, statement("interacted")).status_code == 403
    # A completing statement still goes the whole way and completes the lesson.
    response = post(client, activity, lesson, statement("answered", score=1))
    assert response.json()["completes"] is True
    assert progress(setting).status == "complete"
    # A broken statement is refused on the quick way too.
    assert post(client, activity, lesson, {"verb": {"id": ADL + "interacted"}}).status_code == 400
    assert XAPIStatement.objects.filter(user=setting["learner"]).count() == 3


def test_completed_learner_can_replay_without_changing_anything(client, setting, activity):
    client.force_login(setting["learner"])
    enrollment = setting["enrollment"]
    enrollment.status = EnrollmentStatus.COMPLETED
    enrollment.save()
    assert (
        post(client, activity, setting["lesson"], statement("answered", score=0)).status_code == 201
    )
    assert progress(setting) is None


def test_resume_state_is_saved_and_restored(client, setting, activity):
    client.force_login(setting["learner"])
    url = f"/h5p/{activity.pk}/state/?lesson={setting['lesson'].pk}"
    assert client.get(url).json() == {"data": None}
    saved = json.dumps({"answer": True})
    response = client.post(url, data=json.dumps({"data": saved}), content_type="application/json")
    assert response.status_code == 204
    assert client.get(url).json() == {"data": saved}
    other = Client()
    other.force_login(make_user("other-state@example.ly"))
    assert other.get(url).status_code == 403


@pytest.mark.django_db(transaction=True)
def test_a_statement_for_a_lesson_deleted_since_access_was_checked_is_not_found(
    client, setting, activity
):
    lesson = setting["lesson"]
    client.force_login(setting["learner"])
    assert post(client, activity, lesson, statement("attempted")).status_code == 201
    lesson_id = lesson.pk
    lesson.delete()
    response = client.post(
        f"/h5p/{activity.pk}/xapi/?lesson={lesson_id}",
        data=json.dumps(statement("interacted")),
        content_type="application/json",
    )
    assert response.status_code == 404
    assert XAPIStatement.objects.filter(lesson_id=lesson_id).count() == 0
