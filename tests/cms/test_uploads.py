"""Uploads checked by type and size where tests elsewhere do not already cover them.

Covered elsewhere: H5P packages (tests/courses/test_h5p_import.py), forum attachments
(tests/community/test_attachments.py), the enrolment CSV (tests/courses/test_bulk.py) and the
municipality CSV (tests/municipalities/test_import.py). Here: images and documents in the
admin, and the attendance CSV that issues certificates.
"""

import io
from http import HTTPStatus

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.users.models import UserProfile

import pytest
from PIL import Image as PILImage

from courses.models import Certificate

from ..courses.conftest import make_course, make_run, make_user  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


def png(size=(40, 30)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "teal").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def admin_client(client, django_user_model, home_pages):
    admin = django_user_model.objects.create_superuser(email="uploads@example.ly", password="x")
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = "en"  # the admin's messages in English, to compare
    profile.save()
    client.force_login(admin)
    return client


def media_files(settings) -> list:
    root = settings.MEDIA_ROOT
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def upload_image(client, name, content):
    return client.post(
        reverse("wagtailimages:add"),
        {"title": name, "file": SimpleUploadedFile(name, content)},
    )


def test_a_real_image_is_accepted(admin_client, settings):
    response = upload_image(admin_client, "مجلس-بلدي.png", png())
    assert response.status_code == HTTPStatus.FOUND
    assert get_image_model().objects.filter(title="مجلس-بلدي.png").exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        # Markup renamed to look like an image (Willow reads both as SVG).
        ("photo.png", b"<html><script>alert(1)</script></html>", "Not a valid .png image"),
        (
            "logo.png",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "Not a valid .png image",
        ),
        # SVG can carry script: not among the accepted types.
        (
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "Not a supported image format",
        ),
        # A real PNG under a name that lies about its format.
        ("photo.jpg", png(), "does not match the file format"),
    ],
)
def test_files_that_are_not_what_they_claim_are_refused(
    admin_client, settings, name, content, message
):
    before = get_image_model().objects.count()
    response = upload_image(admin_client, name, content)
    assert response.status_code == HTTPStatus.OK
    assert message in response.content.decode()
    assert get_image_model().objects.count() == before
    assert media_files(settings) == []


def test_an_image_over_the_size_limit_is_refused(admin_client, settings):
    from cms.settings import base

    assert base.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    big = png((600, 600))
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = len(big) - 1  # a 10 MB file is slow to make
    before = get_image_model().objects.count()
    response = upload_image(admin_client, "big.png", big)
    assert response.status_code == HTTPStatus.OK
    assert "This file is too big" in response.content.decode()
    assert get_image_model().objects.count() == before
    assert media_files(settings) == []


@pytest.mark.parametrize("name", ["page.html", "drawing.svg", "tool.exe", "script.js"])
def test_documents_of_types_a_browser_would_run_are_refused(admin_client, settings, name):
    before = get_document_model().objects.count()
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": name, "file": SimpleUploadedFile(name, b"<script>alert(1)</script>")},
    )
    assert response.status_code == HTTPStatus.OK
    assert "File extension" in response.content.decode()
    assert get_document_model().objects.count() == before
    assert media_files(settings) == []


@pytest.fixture
def attendance(client, make_course, make_run):  # noqa: F811
    trainer = make_user("attendance-trainer@example.ly")
    run = make_run(make_course(slug="attendance", lead=trainer))
    make_user("present@example.ly")
    client.force_login(trainer)
    return f"/en/my/teaching/runs/{run.pk}/attendance/", run


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "list.csv",
            "email,name\npresent@example.ly,سلمى\n".encode("cp1256"),
            "The file is not UTF-8 text",
        ),
        ("list.csv", b"present@example.ly\n" * 60_000, "The file is larger than 1 MB."),
        ("list.xlsx", b"PK\x03\x04", "Upload a .csv file."),
        ("list.csv", b"", "The submitted file is empty."),
    ],
)
def test_a_bad_attendance_list_issues_nothing_and_says_why(
    client, attendance, settings, name, content, message
):
    url, run = attendance
    with translation.override("en"):
        response = client.post(url, {"file": SimpleUploadedFile(name, content)}, follow=True)
    assert response.status_code == HTTPStatus.OK
    assert message in response.content.decode()
    assert not Certificate.objects.filter(run=run).exists()
