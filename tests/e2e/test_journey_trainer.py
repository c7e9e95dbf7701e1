"""Journey 3: a trainer builds a course in the Arabic admin, approves a learner, exports them."""

import csv
import re
from pathlib import Path

from django.contrib.auth.models import Group

import pytest
from playwright.sync_api import expect

from courses import services
from courses.models import (
    CourseIndexPage,
    CoursePage,
    CourseTeamMember,
    Enrollment,
    EnrollmentStatus,
    EnrolmentPolicy,
    LessonPage,
    ModulePage,
    TeamRole,
)
from courses.team import TRAINERS

from ..accounts.test_signup import translated
from ..courses.conftest import make_user
from .conftest import read

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def ar(message: str) -> str:
    return translated("ar", message)


def title(page, text: str) -> None:
    """Type the page's title and leave the field, as a person does: the slug follows it."""
    page.wait_for_load_state()  # the editor's scripts are running
    page.fill("#id_title", text)
    page.locator("#id_title").press("Tab")
    expect(page.locator("#id_slug")).not_to_have_value("")


def save(page, action: str) -> str:
    """Press one of the editor's footer actions and return the admin's confirmation.

    "Publish" sits in the menu of more actions, next to "Save draft".
    """
    footer = page.locator("footer")
    if action == "draft":
        button = footer.get_by_role("button", name=ar("Save draft"))
    else:
        button = footer.locator("button[name=action-publish]")
        if not button.is_visible():
            footer.locator(".w-dropdown__toggle").click()
        assert button.inner_text().strip() == ar("Publish")
    with page.expect_navigation():
        button.click()
    return page.locator(".messages li.success").inner_text().strip()


def test_trainer_authors_a_course_approves_a_learner_and_exports_the_list(
    page, make_course, make_run
):
    trainer = make_user("huda.trainer@example.ly", name_ar="هدى المدرّبة")
    trainer.groups.add(Group.objects.get(name=TRAINERS))
    taught = make_course(slug="approvals", lead=trainer)
    run = make_run(taught, title="دفعة الربيع", enrolment_policy=EnrolmentPolicy.APPROVAL)
    learner = make_user("salem.learner@example.ly", name_ar="سالم البلدي")
    enrollment = services.enrollment_request(user=learner, run=run)
    assert enrollment.status == EnrollmentStatus.PENDING
    catalogue = CourseIndexPage.objects.get(locale__language_code="ar")

    # The admin's own sign-in form, in Arabic and right to left.
    page.goto("/admin/")
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.fill("input[name=username]", trainer.email)
    page.fill("input[name=password]", "pass-1234-word")
    page.get_by_role("button", name=ar("Sign in")).click()
    page.wait_for_url("**/admin/")
    assert page.locator("html").get_attribute("dir") == "rtl"

    # A new course under the catalogue. Trainers may add one but not publish it at once:
    # they save a draft, which makes them its lead, and a lead may publish.
    page.goto(f"/admin/pages/{catalogue.pk}/")
    page.get_by_role("link", name=ar("Add child page")).first.click()
    title(page, "التخطيط الاستراتيجي للبلديات")
    page.fill("#id_summary", "دورة قصيرة في إعداد الخطة الاستراتيجية للبلدية.")
    message = save(page, "draft")
    assert message == ar("Page '%(page_title)s' created.") % {
        "page_title": "التخطيط الاستراتيجي للبلديات"
    }
    course = read(lambda: CoursePage.objects.get(title="التخطيط الاستراتيجي للبلديات"))
    assert not course.live
    assert read(lambda: CourseTeamMember.objects.get(course=course).user) == trainer
    message = save(page, "publish")  # followed by the links "View live" and "Edit"
    assert message.startswith(
        ar("Page '%(page_title)s' has been published.")
        % {"page_title": "التخطيط الاستراتيجي للبلديات"}
    )
    course = read(lambda: CoursePage.objects.get(pk=course.pk))
    assert course.live
    # Publishing kept the trainer as the course's lead.
    lead = read(lambda: CourseTeamMember.objects.get(course=course, user=trainer))
    assert lead.role == TeamRole.LEAD

    page.goto(f"/admin/pages/{course.pk}/")
    page.get_by_role("link", name=ar("Add child page")).first.click()
    title(page, "الوحدة الأولى: التشخيص")
    page.fill("#id_summary", "تشخيص واقع البلدية قبل التخطيط.")
    assert "الوحدة الأولى: التشخيص" in save(page, "publish")
    module = read(lambda: ModulePage.objects.child_of(course).get())
    assert module.live

    page.goto(f"/admin/pages/{module.pk}/")
    page.get_by_role("link", name=ar("Add child page")).first.click()
    title(page, "تحليل نقاط القوة والضعف")
    page.locator(".c-sf-add-button").first.click()
    page.get_by_role("option", name=ar("Paragraph")).click()
    page.locator(".public-DraftEditor-content").first.click()
    page.keyboard.type("ابدأ بجرد موارد البلدية.")
    # The rich-text editor hands its text to the form a moment after the typing stops.
    expect(page.locator("input[name=body-0-value]")).to_have_value(re.compile("ابدأ بجرد"))
    assert "تحليل نقاط القوة والضعف" in save(page, "publish")
    lesson = read(lambda: LessonPage.objects.child_of(module).get())
    assert lesson.live
    assert "ابدأ بجرد موارد البلدية." in lesson.body_text()

    # The lesson is on the site, linked from the new course's outline.
    page.goto(course.url)
    assert page.locator("h1").inner_text() == "التخطيط الاستراتيجي للبلديات"
    page.get_by_role("link", name="تحليل نقاط القوة والضعف").click()
    expect(page.locator("h1")).to_have_text("تحليل نقاط القوة والضعف")
    assert "ابدأ بجرد موارد البلدية." in page.locator("main").inner_text()

    # From the course they teach, to the run's page, where requests wait.
    page.goto(taught.url)
    page.get_by_role("link", name=ar("Teaching: follow the learners of this course")).click()
    expect(page.locator("h1")).to_have_text(ar("My teaching"))
    page.get_by_role("link", name="دفعة الربيع").click()
    row = page.locator(f"tr[data-enrollment='{enrollment.pk}']")
    assert "سالم البلدي" in row.inner_text()
    assert ar("Awaiting approval") in row.inner_text()
    row.get_by_role("button", name=ar("Approve")).click()
    expect(page.locator(".messages")).to_have_text(ar("Request approved."))
    expect(row).to_contain_text(ar("Enrolled"))
    assert read(lambda: Enrollment.objects.get(pk=enrollment.pk).status) == "active"

    with page.expect_download() as download:
        page.get_by_role("link", name=ar("Export CSV")).click()
    assert download.value.suggested_filename.endswith(".csv")
    rows = list(csv.reader(Path(download.value.path()).read_text("utf-8-sig").splitlines()))
    assert rows[0][:2] == [ar("Name"), ar("E-mail")]
    assert rows[1][:2] == ["سالم البلدي", learner.email]
    assert rows[1][4] == ar("Enrolled")
    assert len(rows) == 2
