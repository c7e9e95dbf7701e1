"""Bulk enrolment from a CSV of e-mails: good files, bad rows by line, invitations."""

from http import HTTPStatus

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

import pytest
from allauth.account.models import EmailAddress
from allauth.account.signals import email_confirmed

from courses import services
from courses.models import EnrollmentInvitation, EnrollmentStatus

from .conftest import make_user

pytestmark = pytest.mark.django_db


def test_good_file_enrols_users_and_invites_strangers(run, trainer, committed):
    known = make_user("known@example.ly")
    data = b"email\nKnown@example.ly\nnew.person@example.tn\n"
    with committed():
        result = services.enrollments_import_csv(run=run, data=data, invited_by=trainer)
    assert result.enrolled == ["known@example.ly"]
    assert result.invited == ["new.person@example.tn"]
    assert run.enrollments.get(user=known).status == EnrollmentStatus.ACTIVE
    invitation = EnrollmentInvitation.objects.get(run=run)
    assert any(m.to == ["new.person@example.tn"] for m in mail.outbox)

    # The stranger signs up, confirms the address and finds the course waiting.
    stranger = get_user_model().objects.create_user(email="new.person@example.tn", password="x")
    address = EmailAddress.objects.create(user=stranger, email=stranger.email, primary=True)
    email_confirmed.send(sender=EmailAddress, request=None, email_address=address)
    assert run.enrollments.get(user=stranger).status == EnrollmentStatus.ACTIVE
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None

    # Importing the same file again enrols nobody twice.
    again = services.enrollments_import_csv(run=run, data=data, invited_by=trainer)
    assert sorted(again.already) == ["known@example.ly", "new.person@example.tn"]
    assert run.enrollments.count() == 2


def test_file_without_header(run, trainer):
    make_user("a@example.ly")
    result = services.enrollments_import_csv(run=run, data=b"a@example.ly\n", invited_by=trainer)
    assert result.enrolled == ["a@example.ly"]


def test_bad_rows_are_reported_by_line_and_nobody_is_enrolled(run, trainer):
    make_user("ok@example.ly")
    data = b"email\nok@example.ly\nnot-an-email\nok@example.ly\n\nalso bad@\n"
    with pytest.raises(services.BulkEnrolmentError) as excinfo:
        services.enrollments_import_csv(run=run, data=data, invited_by=trainer)
    lines = [error.line for error in excinfo.value.errors]
    assert lines == [3, 4, 6]
    assert not run.enrollments.exists()
    assert not EnrollmentInvitation.objects.exists()
    assert not mail.outbox


@pytest.mark.parametrize(
    ("data", "expected"),
    [(b"", "empty"), (b"email\n", "no e-mail"), ("é@x".encode("latin-1"), "UTF-8")],
)
def test_malformed_files(run, trainer, data, expected):
    with translation.override("en"), pytest.raises(services.BulkEnrolmentError, match=expected):
        services.enrollments_import_csv(run=run, data=data, invited_by=trainer)


def test_trainer_uploads_through_the_dashboard(client, run, trainer):
    make_user("x@example.ly")
    client.force_login(trainer)
    upload = SimpleUploadedFile("list.csv", b"email\nx@example.ly\nbroken\n", "text/csv")
    response = client.post(
        f"/en/my/teaching/runs/{run.pk}/enrol-csv/", {"file": upload}, follow=True
    )
    html = response.content.decode()
    assert "Line 3" in html
    assert not run.enrollments.exists()
    upload = SimpleUploadedFile("list.csv", b"email\nx@example.ly\n", "text/csv")
    response = client.post(
        f"/en/my/teaching/runs/{run.pk}/enrol-csv/", {"file": upload}, follow=True
    )
    assert "1 enrolled" in response.content.decode()


def test_upload_limits(client, run, trainer):
    client.force_login(trainer)
    big = SimpleUploadedFile("list.csv", b"a@b.c\n" * 200_000, "text/csv")
    response = client.post(f"/en/my/teaching/runs/{run.pk}/enrol-csv/", {"file": big}, follow=True)
    assert "larger than 1 MB" in response.content.decode()
    exe = SimpleUploadedFile("list.exe", b"MZ", "application/octet-stream")
    response = client.post(f"/en/my/teaching/runs/{run.pk}/enrol-csv/", {"file": exe}, follow=True)
    assert response.status_code == HTTPStatus.OK
    assert "Upload a .csv file." in response.content.decode()
