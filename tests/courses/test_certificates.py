"""Certificates: issued once on completion, an Arabic PDF with real text and a QR code."""

import re
import shutil
import subprocess
import sys
import time
import traceback
from datetime import timedelta
from http import HTTPStatus

from django.db import IntegrityError, transaction
from django.utils import timezone

import pytest

from courses import services
from courses.certificates.codes import code_generate, code_normalise
from courses.certificates.services import certificate_issue, certificate_reissue, certificate_revoke
from courses.models import Certificate

from .conftest import make_user

pytestmark = pytest.mark.django_db
BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\\s]")


@pytest.fixture
def graduate(course, run, committed):
    user = make_user("graduate@example.ly", name_ar="ليلى القماطي")
    user.name_latin = "Layla Al-Gammati"
    user.save()
    enrollment = services.enrollment_request(user=user, run=run)
    with committed():
        for lesson in course.test_lessons:
            if lesson.required:
                services.lesson_progress_record(enrollment=enrollment, lesson=lesson)
    enrollment.refresh_from_db()
    return enrollment


def test_codes_catch_typing_mistakes():
    code = code_generate()
    assert re.fullmatch(r"MRKZ-[2-9A-Y]{4}-[2-9A-Y]{4}", code)
    assert not set(code[5:].replace("-", "")) & set("01ILOUZ")
    assert code_normalise(code.lower().replace("-", " ")) == code
    body = code.replace("-", "")[4:]
    for index in range(8):
        for replacement in "23456789ABCDEFGHJKMNPQRSTVWXY":
            if replacement != body[index]:
                typo = body[:index] + replacement + body[index + 1 :]
                assert code_normalise(typo) is None
    assert code_normalise("MRKZ-0000") is None


def test_completion_issues_exactly_one_certificate(graduate):
    certificates = Certificate.objects.filter(user=graduate.user, run=graduate.run)
    assert certificates.count() == 1
    certificate = certificates.get()
    assert certificate.status == "valid"
    again = certificate_issue(user=graduate.user, run=graduate.run, enrollment=graduate)
    assert again.pk == certificate.pk
    duplicate = Certificate(
        code=code_generate(),
        user=graduate.user,
        run=graduate.run,
        course_title="x",
        completed_on=timezone.localdate(),
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_pdf_text_holds_the_arabic_name_and_course_in_logical_order(graduate):
    certificate = Certificate.objects.get(user=graduate.user)
    text = subprocess.run(
        ["pdftotext", certificate.pdf.path, "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = BIDI.sub("", text)
    assert BIDI.sub("", "ليلى القماطي") in flat
    assert BIDI.sub("", graduate.run.course.title) in flat
    assert "Layla Al-Gammati" in text
    assert certificate.code in text
    # Digits and dates inside the Arabic sentence keep their place in it. (Not the brackets
    # around them: pdftotext reads a mirrored bracket back as its twin.)
    from courses.certificates.pdf import certificate_text

    values = certificate_text(certificate, certificate.template)["values"]
    assert f"{values['hours']}ساعةتدريبية" in flat
    day_and_month = BIDI.sub("", values["completion_date"].split("،")[0])
    assert f"بتاريخ{day_and_month}" in flat
    info = subprocess.run(
        ["pdfinfo", certificate.pdf.path], capture_output=True, text=True, check=True
    ).stdout
    assert graduate.run.course.title in info
    assert "مركز تطوير البلديات" in info


def test_a_system_check_warns_when_fonts_cannot_be_subset_quickly(monkeypatch):
    from courses.certificates import pdf
    from courses.checks import check_font_subsetting

    assert check_font_subsetting(None) == []
    monkeypatch.setattr(pdf.weasyprint_ffi, "harfbuzz_subset", None)
    [warning] = check_font_subsetting(None)
    assert warning.id == "markaz.W001"
    assert "libharfbuzz-subset0" in warning.hint


@pytest.mark.skipif(
    shutil.which("zbarimg") is None or shutil.which("pdftoppm") is None,
    reason="needs zbar-tools and poppler-utils",
)
def test_qr_code_leads_to_the_verification_page(graduate, tmp_path):
    certificate = Certificate.objects.get(user=graduate.user)
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "150",
            "-singlefile",
            certificate.pdf.path,
            str(tmp_path / "page"),
        ],
        check=True,
    )
    decoded = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(tmp_path / "page.png")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert decoded == f"http://testserver/verify/{certificate.code}/"


@pytest.mark.skipif(shutil.which("pdfimages") is None, reason="needs poppler-utils")
def test_the_templates_background_logo_and_signatures_are_printed(run, tmp_path):
    """What an administrator uploads for a template is on the certificate: the background
    across the whole page, the logo, each signatory's signature, beside the QR code."""
    import io

    from django.core.files.images import ImageFile

    from wagtail.images.models import Image

    from PIL import Image as PILImage

    from courses.models import CertificateTemplate

    def image(name, size, colour):
        buffer = io.BytesIO()
        PILImage.new("RGB", size, colour).save(buffer, "PNG")
        return Image.objects.create(title=name, file=ImageFile(buffer, name=f"{name}.png"))

    template = CertificateTemplate.objects.create(
        name="بقالب وصور",
        title="شهادة إتمام",
        body="أتمّ {name} دورة {course}",
        background=image("background", (1200, 850), (250, 246, 235)),
        logo=image("logo", (400, 160), (11, 110, 79)),
        signatories=[
            ("signatory", {"name": "مدير المركز", "role": "المدير", "signature": None}),
            (
                "signatory",
                {
                    "name": "منسّقة البرامج",
                    "role": "المنسّقة",
                    "signature": image("sign", (300, 90), (0, 0, 0)),
                },
            ),
        ],
    )
    run.course.certificate_template = template
    run.course.save()
    certificate = certificate_issue(user=make_user("images@example.ly"), run=run)
    listing = subprocess.run(
        ["pdfimages", "-list", certificate.pdf.path], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    sizes = sorted((int(row.split()[3]), int(row.split()[4])) for row in listing)
    qr = next(size for size in sizes if size[0] == size[1] and size[0] < 100)
    assert sorted([qr, (300, 90), (400, 160), (1200, 850)]) == sizes
    text = subprocess.run(
        ["pdftotext", certificate.pdf.path, "-"], capture_output=True, text=True, check=True
    ).stdout
    assert BIDI.sub("", "منسّقة البرامج المنسّقة") in BIDI.sub("", text)


def test_verification_page_shows_status_and_nothing_personal(client, graduate):
    certificate = Certificate.objects.get(user=graduate.user)
    html = client.get(f"/verify/{certificate.code}/").content.decode()
    assert "ليلى القماطي" in html
    assert graduate.run.course.title in html
    assert graduate.user.email not in html
    # Typed loosely, it still finds the certificate.
    response = client.get(f"/verify/{certificate.code.lower().replace('-', '')}/")
    assert response.status_code == HTTPStatus.FOUND
    certificate_revoke(certificate=certificate, by=graduate.user, reason="خطأ في البيانات")
    html = client.get(f"/verify/{certificate.code}/").content.decode()
    assert "notice--revoked" in html


def test_expired_certificate(client, graduate):
    certificate = Certificate.objects.get(user=graduate.user)
    certificate.expires_on = timezone.localdate() - timedelta(days=1)
    certificate.save()
    assert "notice--expired" in client.get(f"/verify/{certificate.code}/").content.decode()


def test_unknown_and_malformed_codes_get_the_same_page(client, graduate):
    unknown = client.get(f"/verify/{code_generate()}/")
    malformed = client.get("/verify/not-a-code/")
    assert unknown.status_code == malformed.status_code == HTTPStatus.NOT_FOUND
    main = re.compile(rb"<main.*</main>", re.S)
    assert main.search(unknown.content).group(0) == main.search(malformed.content).group(0)


def test_verification_is_rate_limited(client, graduate):
    code = Certificate.objects.get(user=graduate.user).code
    statuses = [client.get(f"/verify/{code}/").status_code for _ in range(35)]
    assert HTTPStatus.TOO_MANY_REQUESTS in statuses


def test_revoked_certificate_can_be_issued_again_and_reissue_keeps_the_code(graduate):
    certificate = Certificate.objects.get(user=graduate.user)
    reissued = certificate_reissue(certificate=certificate)
    assert reissued.code == certificate.code
    certificate_revoke(certificate=certificate, by=graduate.user, reason="اسم خاطئ")
    fresh = certificate_issue(user=graduate.user, run=graduate.run, enrollment=graduate)
    assert fresh.pk != certificate.pk
    assert Certificate.objects.filter(user=graduate.user, revoked_at__isnull=True).count() == 1


def test_my_certificates_on_the_dashboard_and_download(client, graduate):
    certificate = Certificate.objects.get(user=graduate.user)
    client.force_login(graduate.user)
    html = client.get("/en/my/").content.decode()
    assert certificate.code in html
    assert "linkedin.com/profile/add" in html
    response = client.get(f"/en/my/certificates/{certificate.code}.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    client.force_login(make_user("someone@example.ly"))
    assert client.get(f"/en/my/certificates/{certificate.code}.pdf").status_code == 404


def test_trainer_issues_and_revokes_by_hand(client, course, run, trainer, learner):
    enrollment = services.enrollment_request(user=learner, run=run)
    client.force_login(trainer)
    response = client.post(f"/en/my/teaching/runs/{run.pk}/enrolments/{enrollment.pk}/certificate/")
    assert response.status_code == HTTPStatus.FOUND
    certificate = Certificate.objects.get(user=learner, run=run)
    assert certificate.issued_by == trainer
    html = client.get(f"/en/my/teaching/runs/{run.pk}/").content.decode()
    assert certificate.code in html
    url = f"/en/my/teaching/runs/{run.pk}/certificates/{certificate.code}/revoke/"
    client.post(url, {"reason": ""})
    certificate.refresh_from_db()
    assert certificate.revoked_at is None  # a reason is required
    client.post(url, {"reason": "Did not attend"})
    certificate.refresh_from_db()
    assert (certificate.revoked_by, certificate.revoke_reason) == (trainer, "Did not attend")
    outsider = make_user("outsider-cert@example.ly")
    client.force_login(outsider)
    denied = client.post(f"/en/my/teaching/runs/{run.pk}/enrolments/{enrollment.pk}/certificate/")
    assert denied.status_code == HTTPStatus.FORBIDDEN


def test_attendance_list_issues_all_or_nothing(client, run, trainer, committed):
    from django.core.files.uploadedfile import SimpleUploadedFile

    a, b = make_user("att-a@example.ly"), make_user("att-b@example.ly")
    client.force_login(trainer)
    url = f"/en/my/teaching/runs/{run.pk}/attendance/"
    bad = SimpleUploadedFile("list.csv", b"email\natt-a@example.ly\nghost@example.ly\n")
    html = client.post(url, {"file": bad}, follow=True).content.decode()
    assert "Line 3" in html
    assert not Certificate.objects.filter(run=run).exists()
    good = SimpleUploadedFile("list.csv", b"email\natt-a@example.ly\natt-b@example.ly\n")
    with committed():
        html = client.post(url, {"file": good}, follow=True).content.decode()
    assert "2 certificates are being issued" in html
    issued = Certificate.objects.filter(run=run)
    assert set(issued.values_list("user", flat=True)) == {a.pk, b.pk}
    assert {c.issued_by for c in issued} == {trainer}
    assert {c.completed_on for c in issued} == {timezone.localdate()}
    assert all(c.pdf.read(5) == b"%PDF-" for c in issued)


def at_once(calls) -> list:
    """Run the calls in threads released together; returns their results or exceptions."""
    import threading

    from django.db import connection

    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def run(n, call):
        try:
            barrier.wait(timeout=60)
            outcomes[n] = call()
        except Exception as error:
            outcomes[n] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=pair, daemon=True) for pair in enumerate(calls)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 120
    for thread in threads:
        thread.join(timeout=max(0.0, deadline - time.monotonic()))
    stuck = [thread for thread in threads if thread.is_alive()]
    # Where each stuck call waits, and what the database's sessions wait on.
    frames = sys._current_frames()
    assert not stuck, (
        "racing calls never returned:\n"
        + "\n".join("".join(traceback.format_stack(frames[thread.ident])) for thread in stuck)
        + "\n"
        + _database_waits()
    )
    return outcomes


def _database_waits() -> str:
    from django.db import connection

    if connection.vendor != "postgresql":
        return ""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid, state, wait_event_type, wait_event, left(query, 120)"
            " FROM pg_stat_activity WHERE datname = current_database()"
        )
        return "\n".join(repr(row) for row in cursor.fetchall())


needs_postgresql = pytest.mark.skipif(
    __import__("django.db", fromlist=["connection"]).connection.vendor != "postgresql",
    reason="concurrency needs PostgreSQL",
)


@pytest.mark.django_db(transaction=True)
@needs_postgresql
def test_concurrent_issuing_yields_one_certificate(make_course, make_run):
    run = make_run(make_course(slug="cert-race"))
    user = make_user("race-cert@example.ly")
    outcomes = at_once([lambda: certificate_issue(user=user, run=run)] * 4)
    assert Certificate.objects.filter(user=user, run=run, revoked_at__isnull=True).count() == 1
    assert len({outcome.code for outcome in outcomes}) == 1


@pytest.mark.django_db(transaction=True)
@needs_postgresql
def test_concurrent_issuing_for_different_learners_never_fails(make_course, make_run):
    """Workers issuing at once each take their own status list index, first time."""
    run = make_run(make_course(slug="cert-parallel"))
    users = [make_user(f"parallel-{n}@example.ly") for n in range(6)]
    outcomes = at_once([lambda user=user: certificate_issue(user=user, run=run) for user in users])
    assert all(isinstance(outcome, Certificate) for outcome in outcomes), outcomes
    indices = list(Certificate.objects.filter(run=run).values_list("status_index", flat=True))
    assert len(indices) == len(set(indices)) == len(users)


def test_admin_previews_a_template_with_a_sample_learner(client, django_user_model):
    from django.urls import reverse

    from courses.models import CertificateTemplate

    admin = django_user_model.objects.create_superuser(email="tpl@example.ly", password="x")
    client.force_login(admin)
    template = CertificateTemplate.objects.get(is_default=True)
    edit = client.get(
        reverse("wagtailsnippets_courses_certificatetemplate:edit", args=[template.pk])
    )
    assert edit.status_code == HTTPStatus.OK
    url = reverse("wagtailsnippets_courses_certificatetemplate:preview_on_edit", args=[template.pk])
    data = {
        "name": template.name,
        "title": "شهادة تجريبية",
        "body": "يشهد المركز بأن {name} أتمّ «{course}»",
        "signatories-count": "0",
        "page_size": "A4",
        "orientation": "landscape",
        "language": "ar",
    }
    assert client.post(url, data).json()["is_valid"]
    html = client.get(url).content.decode()
    assert "سلمى عبد الرحمن الورفلي" in html
    assert "شهادة تجريبية" in html


def test_reissue_from_the_run_page_keeps_the_code(client, run, trainer, learner):
    certificate = certificate_issue(user=learner, run=run)
    first_pdf = certificate.pdf.name
    client.force_login(trainer)
    response = client.post(
        f"/en/my/teaching/runs/{run.pk}/certificates/{certificate.code}/reissue/"
    )
    assert response.status_code == HTTPStatus.FOUND
    certificate.refresh_from_db()
    assert certificate.pdf.name != first_pdf  # a new file; the old one goes after the commit
    assert Certificate.objects.filter(code=certificate.code).count() == 1


def test_administrators_list_certificates_and_set_an_expiry(
    client, run, learner, django_user_model
):
    from django.urls import reverse

    certificate = certificate_issue(user=learner, run=run)
    admin = django_user_model.objects.create_superuser(email="certs@example.ly", password="x")
    client.force_login(admin)
    listing = client.get(reverse("wagtailsnippets_courses_certificate:list"))
    assert certificate.code in listing.content.decode()
    edit = reverse("wagtailsnippets_courses_certificate:edit", args=[certificate.pk])
    response = client.post(edit, {"expires_on": "2030-01-31"})
    assert response.status_code == HTTPStatus.FOUND
    certificate.refresh_from_db()
    assert str(certificate.expires_on) == "2030-01-31"
