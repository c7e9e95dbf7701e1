"""A trainee's whole journey in Chromium, in Arabic: sign up, confirm the address, sign in,
complete the profile, enrol, learn (text, H5P, quiz), earn the certificate, download its PDF
and follow its QR code to the public verification page."""

import re
import shutil
import subprocess
from pathlib import Path

from django.core import mail
from django.utils import translation

from wagtail.models import Locale
from wagtail.rich_text import RichText

import pytest
from playwright.sync_api import expect

from cms.municipalities.models import Municipality
from courses.h5p.services import h5p_import_path
from courses.models import (
    Certificate,
    CertificateTemplate,
    Choice,
    LessonPage,
    Question,
    QuestionBank,
)

from ..accounts.test_signup import translated
from .conftest import login, read

SHARED = Path(__file__).resolve().parents[3] / "shared" / "h5p" / "valid"
BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\\s]")
TOOLS = ("pdftotext", "pdftoppm", "zbarimg")
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        any(shutil.which(tool) is None for tool in TOOLS),
        reason="needs poppler-utils and zbar-tools",
    ),
]

EMAIL = "amal.trainee@example.ly"
PASSWORD = "Mahalli-2026-secure"
NAME_AR = "أمل الشريف"
NAME_LATIN = "Amal Al-Sharif"
COURSE_TITLE = "إعداد خطة التنمية المحلية بالمشاركة"
WAIT = 20_000  # ms: the machines that run this are small and shared


def ar(message: str) -> str:
    return translated("ar", message)


def shows(locator, text: str) -> None:
    """Wait until ``locator`` (the page after a click may still be loading) contains ``text``."""
    expect(locator).to_contain_text(text, timeout=WAIT)


def heading_is(page, text: str) -> None:
    expect(page.locator("h1")).to_have_text(text, timeout=WAIT)


def flash(page):
    """The messages the last response showed."""
    return page.locator("main .messages")


@pytest.fixture
def course_to_certify(make_course, make_run):
    """A course whose run enrols at once, with a text lesson, an H5P lesson and a quiz."""
    locale = Locale.objects.get(language_code="ar")
    template = CertificateTemplate.objects.create(
        name="شهادة الرحلة",
        title="شهادة إتمام دورة تدريبية",
        body="يشهد المركز بأن {name_ar} ({name_latin}) أتمّ الدورة «{course}» بتاريخ "
        "{completion_date}.",
        language="ar",
        locale=locale,
    )
    course = make_course(
        slug="journey",
        sequential=True,
        estimated_hours=6,
        certificate_template=template,
    )
    course.title = COURSE_TITLE
    course.save_revision().publish()
    first_module, second_module = (lesson.get_parent() for lesson in course.test_lessons[::2])
    for lesson in course.test_lessons:
        lesson.delete()

    text = first_module.add_child(
        instance=LessonPage(
            title="ما هي خطة التنمية المحلية؟",
            slug="what",
            body=[("paragraph", RichText("<p>خطة تعدها البلدية مع المواطنين.</p>"))],
        )
    )
    activity = h5p_import_path(path=SHARED / "H5P.TrueFalse-small.h5p", title="صح أم خطأ")
    h5p = first_module.add_child(
        instance=LessonPage(
            title="نشاط: صح أم خطأ",
            slug="true-false",
            body=[("paragraph", RichText("<p>أجب عن السؤال.</p>")), ("h5p", {"content": activity})],
        )
    )
    bank = QuestionBank.objects.create(title="أسئلة التخطيط", course=course)
    single = Question(bank=bank, kind="single", text="من يعدّ خطة التنمية المحلية؟")
    single.choices.add(Choice(sort_order=0, text="البلدية مع المواطنين", correct=True))
    single.choices.add(Choice(sort_order=1, text="الوزارة وحدها"))
    single.save()
    true_false = Question(bank=bank, kind="true_false", text="التخطيط التشاركي يُقصي الشباب.")
    true_false.choices.add(Choice(sort_order=0, text="صح"))
    true_false.choices.add(Choice(sort_order=1, text="خطأ", correct=True))
    true_false.save()
    quiz = second_module.add_child(
        instance=LessonPage(
            title="اختبار الوحدة",
            slug="quiz",
            body=[
                ("paragraph", RichText("<p>اختبار قصير.</p>")),
                (
                    "quiz",
                    {
                        "bank": bank,
                        "title": "اختبار التخطيط",
                        "questions": 0,
                        "shuffle": True,
                        "pass_mark": 60,
                        "attempts": 0,
                        "time_limit": 0,
                        "review": "after_each",
                    },
                ),
            ],
        )
    )
    for lesson in (text, h5p, quiz):
        lesson.save_revision().publish()
    run = make_run(course)
    course.journey = {"text": text, "h5p": h5p, "quiz": quiz, "run": run}
    return course


def sign_up_and_confirm(page) -> None:
    page.goto("/ar/")
    page.locator(".site-nav").get_by_role("link", name=ar("Create an account")).click()
    page.wait_for_url("**/ar/accounts/signup/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.fill("input[name=email]", EMAIL)
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    page.fill("input[name=name_ar]", NAME_AR)
    page.fill("input[name=name_latin]", NAME_LATIN)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/ar/accounts/confirm-email/")
    shows(page.locator("main"), ar("Verify Your Email Address"))

    # Mandatory verification: the password alone does not open the account yet.
    login(page, EMAIL, PASSWORD)
    page.wait_for_url("**/ar/accounts/confirm-email/")
    expect(page.locator(".site-nav").get_by_role("link", name=ar("Sign in"))).to_be_visible()

    # The confirmation mail (a login before confirming may send it once more: any of them works).
    # (Other mail in the outbox is the demo content's, sent while the fixtures loaded it.)
    sent = read(lambda: [message for message in mail.outbox if EMAIL in message.to])
    assert sent and all(message.to == [EMAIL] for message in sent)
    message = sent[-1]
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", message.body)
    assert link, message.body
    assert "/ar/accounts/confirm-email/" in link.group(0)
    page.goto(link.group(0))
    page.locator("main form button[type=submit]").click()
    # Confirming signs the trainee in and sends them to their profile.
    page.wait_for_url("**/ar/accounts/profile/")
    shows(flash(page), ar("You have confirmed %(email)s.") % {"email": EMAIL})

    # Sign out, and in again with the form: an incomplete profile is where it lands.
    page.locator(".site-nav").get_by_role("button", name=ar("Sign out")).click()
    expect(page.locator(".site-nav").get_by_role("link", name=ar("Sign in"))).to_be_visible(
        timeout=WAIT
    )
    login(page, EMAIL, PASSWORD)
    page.wait_for_url("**/ar/accounts/profile/")
    heading_is(page, ar("My profile"))


def complete_profile(page, municipality) -> None:
    notice = "Please complete your profile: your name, municipality and position appear in "
    notice += "trainers' lists and on your certificates."
    shows(page.locator("main .notice"), ar(notice))
    # The names given at sign-up are already there.
    expect(page.locator("input[name=name_ar]")).to_have_value(NAME_AR)
    expect(page.locator("input[name=name_latin]")).to_have_value(NAME_LATIN)
    # The page is Arabic: the option's label as Arabic has it, whatever language an
    # earlier test left active in this thread.
    with translation.override("ar"):
        label = municipality.label()
    page.select_option("select[name=municipality]", label=label)
    page.fill("input[name=position]", "مسؤولة التخطيط")
    page.select_option("select[name=organisation_type]", "municipality")
    page.select_option("select[name=gender]", "female")
    page.select_option("select[name=preferred_language]", "ar")
    page.get_by_role("button", name=ar("Save profile")).click()
    shows(flash(page), ar("Your profile has been saved."))
    expect(page.locator("main .notice")).to_have_count(0)
    expect(page.locator(".site-nav").get_by_role("link", name=NAME_AR)).to_be_visible()
    expect(page.locator("select[name=municipality] option:checked")).to_have_text(label)


def learn(page, course) -> None:
    journey = course.journey
    page.goto(course.get_parent().url)
    page.get_by_role("link", name=COURSE_TITLE).click()
    heading_is(page, COURSE_TITLE)
    page.get_by_role("button", name=ar("Enrol"), exact=True).click()
    shows(flash(page), ar("You are enrolled. Welcome to the course!"))
    page.get_by_role("link", name=ar("Start the course")).click()

    # 1. The text lesson, marked done by hand.
    heading_is(page, journey["text"].title)
    page.get_by_role("button", name=ar("Mark as done")).click()
    shows(flash(page), ar("Lesson marked as done."))
    shows(page.locator(".lesson__footer"), ar("You have completed this lesson."))
    page.get_by_role("link", name=ar("Next lesson")).click()

    # 2. The H5P activity, played to the end with the right answer.
    heading_is(page, journey["h5p"].title)
    # An activity completes its lesson itself: no button to skip it.
    expect(page.get_by_role("button", name=ar("Mark as done"))).to_have_count(0)
    frame = page.frame_locator("iframe.h5p-iframe")
    frame.locator(".h5p-question-check-answer").wait_for()
    frame.get_by_role("radio", name="False").click()
    frame.locator(".h5p-question-check-answer").click()
    frame.get_by_text("You got 1 of 1 points", exact=True).wait_for()  # the package's own English
    # The server has recorded the completion (the player's statement was answered).
    page.locator("[data-h5p][data-h5p-completed=true]").wait_for()
    page.reload()
    shows(page.locator(".lesson__footer"), ar("You have completed this lesson."))
    page.get_by_role("link", name=ar("Next lesson")).click()

    # 3. The quiz, answered in the lesson's form and graded on the server.
    heading_is(page, journey["quiz"].title)
    page.get_by_role("button", name=ar("Start the quiz")).click()
    heading_is(page, "اختبار التخطيط")
    page.get_by_label("البلدية مع المواطنين").check()
    page.get_by_label("خطأ", exact=True).check()
    page.get_by_role("button", name=ar("Submit my answers")).click()
    result = page.locator("main .notice[role=status]")
    with translation.override("ar"):
        score = translation.gettext("Your score: %(score)s%%") % {"score": "100"}
    shows(result, score)
    shows(result, ar("passed"))
    expect(result).not_to_contain_text(ar("not passed"))
    expect(page.locator(".quiz-review__item--right")).to_have_count(2)

    page.get_by_role("link", name=ar("Back to the lesson")).click()
    heading_is(page, journey["quiz"].title)
    page.locator(".lesson-layout__outline").get_by_role("link", name=COURSE_TITLE).click()
    heading_is(page, COURSE_TITLE)
    shows(page.locator(".course__progress"), ar("You have completed this course."))


def test_a_trainee_signs_up_learns_and_verifies_the_certificate(
    page, live_server, settings, course_to_certify, tmp_path
):
    # The QR code carries the site's base URL: here, the live server.
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    municipality, _created = Municipality.objects.get_or_create(
        slug="tripoli",
        defaults={
            "name_ar": "طرابلس",
            "name_en": "Tripoli",
            "name_fr": "Tripoli",
            "country": "LY",
        },
    )

    sign_up_and_confirm(page)
    complete_profile(page, municipality)
    learn(page, course_to_certify)

    # "My learning" lists the certificate; its PDF downloads with the learner's session.
    page.locator(".site-nav").get_by_role("link", name=ar("My learning")).click()
    heading_is(page, ar("My learning"))
    certificates = page.locator("section[aria-labelledby=certificates]")
    expect(certificates.locator("h3")).to_have_text(COURSE_TITLE)
    code = certificates.locator(".card__meta [dir=ltr]").inner_text()
    # Issued once, by the Celery task the completion started.
    mine = read(lambda: list(Certificate.objects.filter(user__email=EMAIL)))
    assert [(c.code, c.course_title, c.status) for c in mine] == [(code, COURSE_TITLE, "valid")]
    with page.expect_download() as download_info:
        certificates.get_by_role("link", name=ar("Download (PDF)")).click()
    pdf = tmp_path / "certificate.pdf"
    download_info.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF-")
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert BIDI.sub("", NAME_AR) in BIDI.sub("", text)
    assert BIDI.sub("", COURSE_TITLE) in BIDI.sub("", text)
    assert NAME_LATIN in text
    assert code in text

    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", "-singlefile", str(pdf), str(tmp_path / "page")],
        check=True,
    )
    url = subprocess.run(
        ["zbarimg", "-q", "--raw", str(tmp_path / "page.png")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert url == f"{live_server.url}/verify/{code}/"

    # Anyone holding the paper can check it: the public page, no session needed.
    page.context.clear_cookies()
    page.goto(url)
    heading_is(page, ar("Certificate verification"))
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator(".notice[role=status]")).to_have_text(ar("This certificate is valid."))
    facts = page.locator("dl.event__facts")

    def fact(label):
        return facts.locator("div", has=page.get_by_text(label, exact=True)).locator("dd")

    expect(fact(ar("Holder"))).to_have_text(f"{NAME_AR} — {NAME_LATIN}")
    expect(fact(ar("Course"))).to_have_text(COURSE_TITLE)
    expect(fact(ar("Code"))).to_have_text(code)
