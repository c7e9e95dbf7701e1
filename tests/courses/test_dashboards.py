"""Dashboards: what they show, and the same number of queries with 10 or 200 learners."""

import csv
import io
from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Locale

import pytest
from openpyxl import load_workbook

from courses import services
from courses.models import Enrollment, EnrollmentStatus, RunSession

from .conftest import make_user

pytestmark = pytest.mark.django_db


def enrol_many(run, course, count, start=0):
    lessons = [lesson for lesson in course.test_lessons if lesson.required]
    for n in range(start, start + count):
        user = make_user(f"bulk{n}@example.ly")
        enrollment = services.enrollment_request(user=user, run=run)
        if n % 3 == 0:
            services.lesson_progress_record(enrollment=enrollment, lesson=lessons[0], score=70)


def count_queries(client, url) -> int:
    client.get(url)  # warm the per-process caches (site root paths, locales)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_trainer_dashboard_query_count_is_flat(client, course, run, trainer):
    client.force_login(trainer)
    url = f"/ar/my/teaching/runs/{run.pk}/"
    enrol_many(run, course, 10)
    small = count_queries(client, url)
    enrol_many(run, course, 190, start=10)
    large = count_queries(client, url)
    assert small == large
    html = client.get(url).content.decode()
    assert html.count("data-enrollment=") == 200


def test_learner_dashboard_query_count_is_flat(client, make_course, make_run, learner):
    courses = [make_course(slug=f"c{n}") for n in range(4)]
    runs = [make_run(c) for c in courses]
    services.enrollment_request(user=learner, run=runs[0])
    client.force_login(learner)
    small = count_queries(client, "/ar/my/")
    for run in runs[1:]:
        services.enrollment_request(user=learner, run=run)
    large = count_queries(client, "/ar/my/")
    assert small == large


def test_learner_dashboard_shows_progress_and_next_lesson(client, course, run, learner):
    enrollment = services.enrollment_request(user=learner, run=run)
    services.lesson_visit(enrollment=enrollment, lesson=course.test_lessons[0])
    client.force_login(learner)
    html = client.get("/en/my/").content.decode()
    assert course.title in html
    assert 'value="0"' in html
    assert course.test_lessons[0].title in html


def test_exports(client, course, run, trainer):
    enrol_many(run, course, 3)
    client.force_login(trainer)
    response = client.get(f"/en/my/teaching/runs/{run.pk}/export.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Name", "E-mail", "Municipality"]
    assert len(rows) == 4
    response = client.get(f"/ar/my/teaching/runs/{run.pk}/export.xlsx?status=active")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == 4
    assert sheet.sheet_view.rightToLeft


def test_filters_and_progress_chart(client, course, run, trainer):
    enrol_many(run, course, 6)
    client.force_login(trainer)
    html = client.get(f"/en/my/teaching/runs/{run.pk}/?q=bulk3").content.decode()
    assert html.count("data-enrollment=") == 1
    assert "Learners by progress" in html
    summary = __import__("courses.selectors", fromlist=["run_summary"]).run_summary(run=run)
    assert sum(bucket["count"] for bucket in summary["buckets"]) == 6
    assert summary["statuses"][EnrollmentStatus.ACTIVE] == 6


def test_inactivity_reminders_are_sent_once(course, run, mailoutbox):
    from datetime import timedelta

    from django.utils import timezone

    from courses.tasks import remind_inactive_learners

    enrol_many(run, course, 3)
    Enrollment.objects.filter(run=run).update(last_activity_at=timezone.now() - timedelta(days=20))
    mailoutbox.clear()
    assert remind_inactive_learners.delay().get() == 3
    assert len(mailoutbox) == 3
    assert remind_inactive_learners.delay().get() == 0
    assert len(mailoutbox) == 3


def test_the_dashboard_offers_my_teaching_to_trainers_and_course_teams_only(
    client, make_course, make_run, learner
):
    lead = make_user("lead@example.ly")
    run_trainer = make_user("run-trainer@example.ly")
    course = make_course(slug="teaching-link", lead=lead)
    run = make_run(course)
    run.trainers.add(run_trainer)
    services.enrollment_add(user=learner, run=run)
    link = 'href="/ar/my/teaching/"'
    for person, sees in ((learner, False), (lead, True), (run_trainer, True)):
        client.force_login(person)
        html = client.get("/ar/my/").content.decode()
        assert (link in html) is sees, person.email


def test_learner_dashboard_lists_the_next_sessions_of_active_runs_only(
    client, make_course, make_run, course, run, learner
):
    now = timezone.now()
    services.enrollment_request(user=learner, run=run)
    RunSession.objects.create(run=run, title="ورشة سابقة", starts=now - timedelta(days=2))
    RunSession.objects.create(
        run=run, title="ورشة قادمة", starts=now + timedelta(days=3), place="بلدية مصراتة"
    )
    other = make_run(make_course(slug="other-course"))
    Enrollment.objects.create(user=learner, run=other, status=EnrollmentStatus.PENDING)
    RunSession.objects.create(run=other, title="ورشة دفعة أخرى", starts=now + timedelta(days=1))
    client.force_login(learner)
    html = client.get("/ar/my/").content.decode()
    assert "ورشة قادمة" in html
    assert "بلدية مصراتة" in html
    assert f"ورشة قادمة — {course.title}" in html
    assert "ورشة سابقة" not in html
    # Waiting for approval: the run is not the learner's yet, nor its sessions.
    assert "ورشة دفعة أخرى" not in html
    assert "دورة other-course" in html  # listed under requests and waiting lists


def test_learner_dashboard_names_a_sessions_course_in_the_readers_language(
    client, course, run, learner
):
    english = course.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Local finance for municipalities"
    english.save_revision().publish()
    services.enrollment_request(user=learner, run=run)
    RunSession.objects.create(
        run=run, title="Budget workshop", starts=timezone.now() + timedelta(days=2)
    )
    client.force_login(learner)
    html = client.get("/en/my/").content.decode()
    assert "Budget workshop — Local finance for municipalities" in html
    assert course.title not in html
