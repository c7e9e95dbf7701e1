"""Enrolment modes, capacity and the waiting list."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone
from django.utils.html import escape

import pytest

from courses import services
from courses.models import EnrollmentStatus, EnrolmentPolicy

from ..accounts.test_signup import translated
from .conftest import make_user

pytestmark = pytest.mark.django_db


def test_open_enrolment_is_immediate_and_confirmed_by_email(run, learner, committed):
    with committed():
        enrollment = services.enrollment_request(user=learner, run=run)
    assert enrollment.status == EnrollmentStatus.ACTIVE
    assert enrollment.enrolled_at is not None
    (message,) = mail.outbox
    assert message.to == [learner.email]
    assert run.course.title in message.subject  # in the learner's language (Arabic)


def test_asking_twice_changes_nothing(run, learner):
    first = services.enrollment_request(user=learner, run=run)
    second = services.enrollment_request(user=learner, run=run)
    assert first.pk == second.pk
    assert run.enrollments.count() == 1


def test_approval_mode(make_run, course, learner, committed):
    run = make_run(course, enrolment_policy=EnrolmentPolicy.APPROVAL)
    enrollment = services.enrollment_request(user=learner, run=run)
    assert enrollment.status == EnrollmentStatus.PENDING
    with committed():
        enrollment = services.enrollment_approve(enrollment=enrollment, message="مرحبا بك")
    assert enrollment.status == EnrollmentStatus.ACTIVE
    assert "مرحبا بك" in mail.outbox[-1].body


def test_rejection_with_a_message(make_run, course, learner, committed):
    run = make_run(course, enrolment_policy=EnrolmentPolicy.APPROVAL)
    enrollment = services.enrollment_request(user=learner, run=run)
    with committed():
        enrollment = services.enrollment_reject(
            enrollment=enrollment, message="الدورة للمهندسين فقط"
        )
    assert enrollment.status == EnrollmentStatus.REJECTED
    assert "الدورة للمهندسين فقط" in mail.outbox[-1].body


def test_enrolment_key(make_run, course, learner):
    run = make_run(course, enrolment_policy=EnrolmentPolicy.KEY, enrolment_key="GHADAMES-27")
    with pytest.raises(services.EnrolmentError):
        services.enrollment_request(user=learner, run=run, key="wrong")
    assert not run.enrollments.exists()
    enrollment = services.enrollment_request(user=learner, run=run, key=" GHADAMES-27 ")
    assert enrollment.status == EnrollmentStatus.ACTIVE


@pytest.mark.parametrize(
    "window",
    [
        {"enrolment_opens": timezone.now() + timedelta(days=1)},
        {"enrolment_closes": timezone.now() - timedelta(days=1)},
        {"enrolment_policy": EnrolmentPolicy.CLOSED},
    ],
)
def test_closed_enrolment_is_refused(make_run, course, learner, window):
    run = make_run(course, **window)
    with pytest.raises(services.EnrolmentError):
        services.enrollment_request(user=learner, run=run)


def test_capacity_waiting_list_and_automatic_promotion(make_run, course, committed):
    run = make_run(course, capacity=2)
    people = [make_user(f"p{n}@example.ly") for n in range(4)]
    statuses = [services.enrollment_request(user=p, run=run).status for p in people]
    assert statuses == ["active", "active", "waitlisted", "waitlisted"]

    first = run.enrollments.get(user=people[0])
    with committed():
        services.enrollment_withdraw(enrollment=first)
    # The longest-waiting learner takes the freed seat, and hears about it.
    assert run.enrollments.get(user=people[2]).status == EnrollmentStatus.ACTIVE
    assert run.enrollments.get(user=people[3]).status == EnrollmentStatus.WAITLISTED
    assert mail.outbox[-1].to == [people[2].email]
    assert run.enrollments.filter(status__in=["active", "completed"]).count() == 2


def test_approving_when_full_puts_on_the_waiting_list(make_run, course):
    run = make_run(course, capacity=1, enrolment_policy=EnrolmentPolicy.APPROVAL)
    a, b = make_user("a@example.ly"), make_user("b@example.ly")
    first = services.enrollment_approve(enrollment=services.enrollment_request(user=a, run=run))
    second = services.enrollment_approve(enrollment=services.enrollment_request(user=b, run=run))
    assert (first.status, second.status) == ("active", "waitlisted")


def test_withdraw_and_enrol_again(run, learner):
    enrollment = services.enrollment_request(user=learner, run=run)
    services.enrollment_withdraw(enrollment=enrollment)
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.WITHDRAWN
    again = services.enrollment_request(user=learner, run=run)
    assert again.pk == enrollment.pk
    assert again.status == EnrollmentStatus.ACTIVE


def test_enrol_view_in_the_learners_language(client, run, learner):
    client.force_login(learner)
    response = client.post(f"/en/my/runs/{run.pk}/enrol/", follow=True)
    assert "You are enrolled" in response.content.decode()
    assert run.enrollments.get(user=learner).status == EnrollmentStatus.ACTIVE


def test_wrong_key_message_in_arabic(client, make_run, course, learner):
    run = make_run(course, enrolment_policy=EnrolmentPolicy.KEY, enrolment_key="K")
    client.force_login(learner)
    response = client.post(f"/ar/my/runs/{run.pk}/enrol/", {"key": "x"}, follow=True)
    html = response.content.decode()
    expected = translated("ar", "That enrolment key is not right.")
    assert f'<li class="message message--error">{escape(expected)}</li>' in html
