"""Chromium plays H5P.TrueFalse-small.h5p in a lesson and the server records the completion."""

import time
from pathlib import Path

from wagtail.rich_text import RichText

import pytest

from courses import services
from courses.h5p.services import h5p_import_path
from courses.models import LessonPage, LessonProgress, XAPIStatement

from ..courses.conftest import make_user
from .conftest import login, read

SHARED = Path(__file__).resolve().parents[3] / "shared" / "h5p" / "valid"
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_learner_plays_true_false_and_the_server_records_it(page, make_course, make_run):
    course = make_course(slug="h5p-course")
    run = make_run(course)
    activity = h5p_import_path(path=SHARED / "H5P.TrueFalse-small.h5p", title="صح أم خطأ")
    module = course.test_lessons[0].get_parent()
    lesson = module.add_child(
        instance=LessonPage(
            title="نشاط صح أم خطأ",
            slug="true-false",
            body=[("paragraph", RichText("<p>أجب عن السؤال.</p>")), ("h5p", {"content": activity})],
        )
    )
    lesson.save_revision().publish()
    learner = make_user("chromium@example.ly")
    enrollment = services.enrollment_request(user=learner, run=run)

    login(page, learner.email, "pass-1234-word")
    page.goto(lesson.url)
    assert page.locator("h1").inner_text() == "نشاط صح أم خطأ"
    frame = page.frame_locator("iframe.h5p-iframe")
    frame.locator(".h5p-question-check-answer").wait_for()
    frame.get_by_role("radio").first.click()
    frame.locator(".h5p-question-check-answer").click()
    frame.locator(".h5p-question-feedback, .h5p-joubelui-score-bar").first.wait_for()

    deadline = time.monotonic() + 15
    row = None
    while time.monotonic() < deadline:
        row = read(
            lambda: LessonProgress.objects.filter(enrollment=enrollment, lesson=lesson).first()
        )
        if row and row.status == "complete":
            break
        time.sleep(0.25)
    assert row is not None and row.status == "complete"
    answered = read(lambda: XAPIStatement.objects.get(user=learner, verb__endswith="/answered"))
    assert answered.is_top_level and answered.completes
    assert row.score == answered.score
