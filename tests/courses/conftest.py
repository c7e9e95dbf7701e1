from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import Locale
from wagtail.rich_text import RichText

import pytest
from allauth.account.models import EmailAddress

from courses.models import (
    CourseIndexPage,
    CoursePage,
    CourseRun,
    CourseTeamMember,
    EnrolmentPolicy,
    LessonPage,
    ModulePage,
    TeamRole,
)
from courses.team import course_team_sync


def make_user(email, **extra):
    user = get_user_model().objects.create_user(
        email=email, password="pass-1234-word", name_latin=email.split("@")[0], **extra
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@pytest.fixture
def make_course(demo_site):
    """A course with two modules and three lessons (two required, one optional)."""
    catalogue = CourseIndexPage.objects.get(locale=Locale.objects.get(language_code="ar"))

    def make(slug="test-course", lead=None, **fields):
        course = catalogue.add_child(
            instance=CoursePage(title=f"دورة {slug}", slug=slug, summary="ملخص", **fields)
        )
        if lead is not None:
            CourseTeamMember.objects.create(course=course, user=lead, role=TeamRole.LEAD)
        course.save_revision().publish()
        lessons = []
        for m in range(2):
            module = course.add_child(instance=ModulePage(title=f"الوحدة {m}", slug=f"m{m}"))
            count = 2 if m == 0 else 1
            for n in range(count):
                lesson = module.add_child(
                    instance=LessonPage(
                        title=f"الدرس {m}-{n}",
                        slug=f"l{m}{n}",
                        required=not (m == 0 and n == 1),
                        body=[
                            ("paragraph", RichText("<p>نص الدرس</p>")),
                            ("reflection", {"prompt": "ما رأيك؟", "guidance": ""}),
                        ],
                    )
                )
                lessons.append(lesson)
        course_team_sync(course=course)
        course.test_lessons = lessons
        return course

    return make


@pytest.fixture
def make_run():
    def make(course, **fields):
        now = timezone.now()
        defaults = {
            "title": "الدفعة التجريبية",
            "enrolment_policy": EnrolmentPolicy.OPEN,
            "enrolment_opens": now - timedelta(days=1),
            "enrolment_closes": now + timedelta(days=30),
        }
        defaults.update(fields)
        return CourseRun.objects.create(course=course, **defaults)

    return make


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what the code defers to after its transaction commits (e-mails, signals).

    Tests run inside a transaction that never commits, so without this those
    callbacks would never run.
    """

    def context():
        return django_capture_on_commit_callbacks(execute=True)

    return context


@pytest.fixture
def learner(db):
    return make_user("learner@example.ly")


@pytest.fixture
def trainer(db):
    return make_user("trainer@example.ly")


@pytest.fixture
def course(make_course, trainer):
    return make_course(lead=trainer)


@pytest.fixture
def run(make_run, course):
    return make_run(course)
