"""Progress is idempotent, kept on the enrolment, and completion fires exactly once."""

import threading
from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.rich_text import RichText

import pytest

from courses import services
from courses.models import Enrollment, EnrollmentStatus, LessonProgress, ProgressStatus
from courses.signals import enrollment_completed

pytestmark = pytest.mark.django_db


@pytest.fixture
def enrollment(run, learner):
    return services.enrollment_request(user=learner, run=run)


@pytest.fixture
def completions(django_capture_on_commit_callbacks):
    received = []

    def receiver(sender, enrollment, **kwargs):
        received.append(enrollment.pk)

    enrollment_completed.connect(receiver)
    yield received
    enrollment_completed.disconnect(receiver)


def required(course):
    return [lesson for lesson in course.test_lessons if lesson.required]


def test_marking_done_twice_is_one_completion(enrollment, course):
    lesson = required(course)[0]
    services.lesson_progress_record(enrollment=enrollment, lesson=lesson)
    services.lesson_progress_record(enrollment=enrollment, lesson=lesson)
    assert LessonProgress.objects.filter(enrollment=enrollment).count() == 1
    enrollment.refresh_from_db()
    assert enrollment.progress == 50  # one of two required lessons


def test_progress_never_goes_backwards_and_keeps_the_best_score(enrollment, course):
    lesson = required(course)[0]
    services.lesson_progress_record(enrollment=enrollment, lesson=lesson, score=80)
    row = services.lesson_progress_record(
        enrollment=enrollment, lesson=lesson, complete=False, score=40
    )
    assert row.status == ProgressStatus.COMPLETE
    assert row.score == 80


def test_optional_lessons_do_not_count(enrollment, course):
    optional = next(lesson for lesson in course.test_lessons if not lesson.required)
    services.lesson_progress_record(enrollment=enrollment, lesson=optional)
    enrollment.refresh_from_db()
    assert enrollment.progress == 0


def test_completion_fires_exactly_once(
    enrollment, course, completions, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for lesson in required(course):
            services.lesson_progress_record(enrollment=enrollment, lesson=lesson)
        for lesson in course.test_lessons:  # more activity after completion
            services.lesson_progress_record(enrollment=enrollment, lesson=lesson, score=90)
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.COMPLETED
    assert enrollment.progress == 100
    assert enrollment.completed_at is not None
    assert completions == [enrollment.pk]


def test_minimum_score_holds_completion_back(make_course, make_run, learner):
    course = make_course(slug="graded", min_score=70)
    run = make_run(course)
    enrollment = services.enrollment_request(user=learner, run=run)
    first, second = required(course)
    services.lesson_progress_record(enrollment=enrollment, lesson=first, score=50)
    services.lesson_progress_record(enrollment=enrollment, lesson=second, score=60)
    enrollment.refresh_from_db()
    assert enrollment.progress == 100
    assert enrollment.status == EnrollmentStatus.ACTIVE
    services.lesson_progress_record(enrollment=enrollment, lesson=first, score=95)
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.COMPLETED


def test_continue_where_you_left_off(client, enrollment, course, learner):
    lesson = course.test_lessons[1]
    client.force_login(learner)
    client.get(lesson.url)
    enrollment.refresh_from_db()
    assert enrollment.last_lesson_id == lesson.pk
    html = client.get(course.url).content.decode()
    assert f'href="{lesson.url}"' in html
    assert "Continue where you left off" in html or "تابع" in html


def test_rereading_a_lesson_writes_nothing_until_a_minute_has_passed(
    client, enrollment, course, learner
):
    first, second = course.test_lessons[0], course.test_lessons[1]
    client.force_login(learner)
    client.get(first.url)
    enrollment.refresh_from_db()
    opened_at = enrollment.last_activity_at
    with CaptureQueriesContext(connection) as queries:
        assert client.get(first.url).status_code == 200
    writes = [q["sql"] for q in queries if q["sql"].startswith(("UPDATE", "INSERT"))]
    assert not [sql for sql in writes if "django_session" not in sql], writes
    enrollment.refresh_from_db()
    assert enrollment.last_activity_at == opened_at
    # Another lesson is where to continue at once; the same one again after a minute.
    client.get(second.url)
    enrollment.refresh_from_db()
    assert enrollment.last_lesson_id == second.pk
    client.get(first.url)
    Enrollment.objects.filter(pk=enrollment.pk).update(
        last_activity_at=timezone.now() - services.VISIT_RESOLUTION
    )
    client.get(first.url)
    enrollment.refresh_from_db()
    assert enrollment.last_lesson_id == first.pk
    assert timezone.now() - enrollment.last_activity_at < timedelta(seconds=30)


def test_mark_as_done_through_the_lesson_page(client, enrollment, course, learner):
    client.force_login(learner)
    lesson = required(course)[0]
    response = client.post(f"/ar/my/lessons/{lesson.pk}/done/")
    assert response.status_code == 302
    html = client.get(lesson.url).content.decode()
    assert "data-mark-done" not in html  # the button gives way to "completed"
    enrollment.refresh_from_db()
    assert enrollment.progress == 50


def test_reflection_answer_is_saved_and_readable_by_trainers(
    client, enrollment, course, learner, trainer
):
    client.force_login(learner)
    lesson = required(course)[0]
    block_id = next(child.id for child in lesson.body if child.block_type == "reflection")
    client.post(
        f"/ar/my/lessons/{lesson.pk}/reflection/", {"block_id": block_id, "text": "نشارك المواطنين"}
    )
    assert "نشارك المواطنين" in client.get(lesson.url).content.decode()
    client.force_login(trainer)
    html = client.get(f"/ar/my/teaching/runs/{enrollment.run_id}/reflections/").content.decode()
    assert "نشارك المواطنين" in html


def test_a_lesson_without_a_reflection_reads_no_answers(client, enrollment, course, learner):
    lesson = required(course)[0]
    lesson.body = [("paragraph", RichText("<p>نص بلا سؤال</p>"))]
    lesson.save_revision().publish()
    client.force_login(learner)
    client.get(lesson.url)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(lesson.url).content.decode()
    assert "نص بلا سؤال" in html
    assert not [q for q in queries if "courses_reflectionanswer" in q["sql"]]


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrency needs PostgreSQL")
def test_concurrent_completion_counts_once(make_course, make_run, learner):
    course = make_course(slug="race")
    run = make_run(course)
    enrollment = services.enrollment_request(user=learner, run=run)
    lessons = required(course)
    services.lesson_progress_record(enrollment=enrollment, lesson=lessons[0])
    received = []

    def receiver(sender, enrollment, **kwargs):
        received.append(enrollment.pk)

    enrollment_completed.connect(receiver)
    barrier = threading.Barrier(4)

    def finish():
        try:
            barrier.wait(timeout=60)
            services.lesson_progress_record(enrollment=enrollment, lesson=lessons[1], score=75)
        finally:
            connection.close()

    threads = [threading.Thread(target=finish, daemon=True) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a racing completion never returned"
    enrollment_completed.disconnect(receiver)
    assert LessonProgress.objects.filter(enrollment=enrollment, lesson=lessons[1]).count() == 1
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.COMPLETED
    assert received == [enrollment.pk]
