"""WCAG 2.1 A/AA checks with axe-core in Chromium, on the pages people use most, in Arabic
and in English.

axe-core comes from npm (``node_modules/axe-core``, a devDependency). Playwright's
``add_script_tag`` injects it as an inline script, which the site's Content-Security-Policy
(script-src 'self', ``cms/middleware.py``) would block; so this module's browser contexts
are opened with ``bypass_csp=True``. That only lets the checker in: the pages, their
scripts and their styles are the ones the site serves.

A test fails on any violation axe rates "serious" or "critical", and its message lists,
per page, the rule, its impact, what to fix and the first elements concerned.
"""

from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.models import Locale
from wagtail.rich_text import RichText

import pytest

from cms.demo import translation
from cms.news.models import NewsPage
from community import services as community_services
from community.models import PlatformIndexPage, PlatformPage
from courses import services
from courses.certificates.services import certificate_issue
from courses.h5p.services import h5p_import_path
from courses.models import CourseIndexPage, LessonPage

from ..community.conftest import add_member, url
from ..courses.conftest import make_user
from .conftest import login

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
SHARED = Path(__file__).resolve().parents[3] / "shared" / "h5p" / "valid"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}
PASSWORD = "pass-1234-word"
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not AXE.is_file(), reason="axe-core is not installed (npm ci)"),
]


@pytest.fixture(params=["ar", "en"])
def language(request):
    return request.param


@pytest.fixture
def page(browser, live_server, language):
    """The conftest's page, with the CSP bypassed so that axe can be injected."""
    context = browser.new_context(base_url=live_server.url, locale=language, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    context.close()


def audit(page) -> tuple[list[dict], int]:
    """axe's serious and critical WCAG 2.1 A/AA violations on the page, and how many of
    the elements it checked are inside frames (those into which axe was injected)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    results = page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {runOnly: {type: "tag", values: tags}});
            const checked = [...results.passes, ...results.violations, ...results.incomplete];
            return {
                violations: results.violations.map((v) => ({
                    id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
                    targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
                })),
                framed: checked.flatMap((r) => r.nodes).filter((n) => n.target.length > 1).length,
            };
        }""",
        WCAG,
    )
    blocking = [v for v in results["violations"] if v["impact"] in BLOCKING]
    return blocking, results["framed"]


def describe(found: dict[str, list[dict]]) -> str:
    lines = []
    for address, violations in found.items():
        for v in violations:
            lines.append(
                f"{address}: {v['id']} ({v['impact']}, {v['count']} elements) {v['help']}"
                f" — {', '.join(v['targets'])}"
            )
    return "axe found serious or critical WCAG 2.1 A/AA violations:\n" + "\n".join(lines)


def visit(page, address: str, language: str) -> None:
    response = page.goto(address)
    assert response.ok, f"{address} answered {response.status}"
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")


@pytest.fixture
def learning(make_course, make_run):
    """An enrolled learner, a course with an H5P lesson (translated into English), and
    the certificate of another learner who completed it."""
    locales = {code: Locale.objects.get(language_code=code) for code in ("ar", "en")}
    course = make_course(slug="a11y-course", estimated_hours=6)
    run = make_run(course)
    module = course.test_lessons[0].get_parent()
    activity = h5p_import_path(path=SHARED / "H5P.TrueFalse-small.h5p", title="صح أم خطأ")
    body = [
        ("paragraph", RichText("<p>أجب عن السؤال ثم تابع.</p>")),
        ("h5p", {"content": activity}),
    ]
    lesson = module.add_child(instance=LessonPage(title="نشاط تفاعلي", slug="activity", body=body))
    lesson.save_revision().publish()
    english = {
        "course": translation(course, locales["en"], title="Local planning"),
        "module": translation(module, locales["en"], title="Diagnosis"),
        "lesson": translation(lesson, locales["en"], title="Interactive activity"),
    }
    learner = make_user("reader@example.ly", name_ar="ريم الطرابلسي")
    services.enrollment_request(user=learner, run=run)
    graduate = make_user("graduate@example.ly", name_ar="ليلى القماطي")
    certificate = certificate_issue(user=graduate, run=run)
    return {
        "ar": {"course": course, "lesson": lesson},
        "en": english,
        "learner": learner,
        "certificate": certificate,
    }


@pytest.fixture
def forum(learning):
    """A platform, translated into English, with a discussed topic; the learner is a member."""
    learner = learning["learner"]
    index = PlatformIndexPage.objects.get(locale__language_code="ar")
    platform = index.add_child(
        instance=PlatformPage(title="منصة التخطيط", slug="a11y-platform", purpose="تبادل الخبرات")
    )
    platform.save_revision().publish()
    english = Locale.objects.get(language_code="en")
    translation(platform, english, title="Planning platform", purpose="Sharing experience")
    author = make_user("author@example.ps", name_ar="سامر الخطيب")
    member = make_user("member@example.ps", name_ar="هالة العمري")
    add_member(platform, author)
    add_member(platform, member)
    topic = community_services.topic_create(
        platform=platform,
        author=author,
        title="دليل إدارة المشاريع الهندسية",
        body="ما رأيكم في **المسودة الأولى** من الدليل؟\n\n- الفصل الأول\n- الفصل الثاني",
    )
    community_services.post_reply(
        topic=topic,
        author=member,
        body="> المسودة الأولى\n\nملاحظاتي مرفقة، وانظر [الدليل](https://example.org/guide).",
        files=[SimpleUploadedFile("ملاحظات.pdf", b"%PDF-1.4\n%%EOF\n")],
    )
    add_member(platform, learner)
    return {"platform": platform, "topic": topic}


def test_pages_have_no_serious_or_critical_violations(page, language, learning, forum):
    """Home, a news article, the catalogue, a course, the certificate check (form and a
    real certificate) and the sign-up form anonymously; then, signed in as an enrolled
    learner who is a member of a platform, a lesson with an H5P activity and a forum topic."""
    locale = Locale.objects.get(language_code=language)
    news = NewsPage.objects.live().filter(locale=locale).order_by("-date").first()
    catalogue = CourseIndexPage.objects.get(locale=locale)
    platform = forum["platform"].get_translation(locale)
    public = [
        f"/{language}/",
        news.url,
        catalogue.url,
        learning[language]["course"].url,
        "/verify/",  # the language comes from the browser's Accept-Language
        f"/verify/{learning['certificate'].code}/",
        f"/{language}/accounts/signup/",
    ]
    members_only = [learning[language]["lesson"].url, url(platform, "topic", forum["topic"].pk)]
    found = {}
    for address in public + members_only:
        if address == members_only[0]:
            login(page, learning["learner"].email, PASSWORD, language)
        if not address.startswith("/verify/"):
            assert address.startswith(f"/{language}/")
        visit(page, address, language)
        h5p = address == members_only[0]
        if h5p:
            # axe checks the activity too: it runs in every frame it was injected into.
            page.frame_locator("iframe.h5p-iframe").locator(".h5p-question-check-answer").wait_for()
            frame = page.locator("iframe.h5p-iframe").element_handle().content_frame()
            frame.add_script_tag(path=str(AXE))
        violations, framed = audit(page)
        assert framed or not h5p, "axe did not reach into the H5P activity"
        if violations:
            found[address] = violations
    assert not found, describe(found)
