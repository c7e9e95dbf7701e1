"""Page weight in Chromium: the Arabic home page and a lesson with an H5P activity, loaded
with an empty cache, stay under 300 KB and ask nothing of any host but the site's own.

The weight is what the browser received: headers plus body as sent (``request.sizes()``,
so compressed where the server compressed). Production serves static files with
WhiteNoise, which sends the Brotli or gzip copy ``collectstatic`` made when the browser
accepts it; pytest-django's live server would send them uncompressed through Django's
StaticFilesHandler. So this module runs its own live server whose static files come from
WhiteNoise, over copies of the project's own static files compressed by WhiteNoise's
compressor, as collectstatic does. HTML is sent uncompressed, as Django sends it.

The H5P package's own files (``/h5p/<id>/…``: content and its libraries) and uploaded
images (``MEDIA_URL``) are left out: they belong to the content, not to the site.
"""

import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles.finders import get_finders
from django.test import Client

from wagtail.rich_text import RichText

import pytest
from pytest_django.live_server_helper import LiveServer
from whitenoise import WhiteNoise
from whitenoise.compress import Compressor

from courses import services
from courses.h5p.services import h5p_import_path
from courses.models import LessonPage

from ..courses.conftest import make_user

SHARED = Path(__file__).resolve().parents[3] / "shared" / "h5p" / "valid"
BUDGET = 300 * 1024
# The package's files, not the statement and state endpoints the player posts to.
H5P_PACKAGE_FILE = re.compile(r"^/h5p/[0-9a-f-]{36}/(?!xapi/|state/)")
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module")
def compressed_static(tmp_path_factory) -> Path:
    """The project's own static files (not Django's or Wagtail's admin), each with the
    .br and .gz copies collectstatic would make."""
    root = tmp_path_factory.mktemp("static")
    compressor = Compressor(quiet=True)
    for finder in get_finders():
        for path, storage in finder.list([]):
            source = Path(storage.path(path))
            if not source.is_relative_to(settings.BASE_DIR) or ".venv" in source.parts:
                continue
            target = root / (getattr(storage, "prefix", None) or "") / path
            if target.exists():  # the first finder wins, as in collectstatic
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            if compressor.should_compress(target.name):
                list(compressor.compress(str(target)))
    return root


@pytest.fixture(scope="module")
def site_server(django_db_setup, compressed_static):
    """A live server like pytest-django's, but static files go through WhiteNoise."""
    server = LiveServer("localhost", start=False)
    server.thread.static_handler = lambda application: WhiteNoise(
        application, root=compressed_static, prefix=settings.STATIC_URL
    )
    server.start()
    yield server
    server.stop()


def content_file(path: str) -> bool:
    return bool(H5P_PACKAGE_FILE.match(path)) or path.startswith(settings.MEDIA_URL)


def load(browser, server, address: str, cookies=()) -> list[dict]:
    """Every request the page made (its frames included) until the network was idle."""
    context = browser.new_context(base_url=server.url, locale="ar")
    context.add_cookies(list(cookies))
    page = context.new_page()
    page.set_default_timeout(20_000)
    requests = []

    def finished(request):
        response = request.response()
        sizes = request.sizes()
        requests.append(
            {
                "url": request.url,
                "bytes": max(sizes["responseBodySize"], 0) + max(sizes["responseHeadersSize"], 0),
                "decoded": len(response.body()) if response and response.status == 200 else 0,
                "encoding": response.headers.get("content-encoding", "") if response else "",
            }
        )

    def failed(request):
        requests.append({"url": request.url, "bytes": 0, "decoded": 0, "encoding": "failed"})

    page.on("requestfinished", finished)
    page.on("requestfailed", failed)
    try:
        response = page.goto(address, wait_until="networkidle")
        assert response.ok, f"{address} answered {response.status}"
        if page.locator("[data-h5p]").count():
            # The activity is drawn once its own files have arrived.
            page.frame_locator("iframe.h5p-iframe").locator(".h5p-question-check-answer").wait_for()
            page.wait_for_load_state("networkidle")
    finally:
        context.close()
    return requests


def report(name: str, requests: list[dict], origin: str) -> int:
    """Prints what was loaded (run with -s to see it) and returns the counted total."""
    counted = left_out = 0
    print(f"\n{name}:")
    for item in sorted(requests, key=lambda item: -item["bytes"]):
        parts = urlsplit(item["url"])
        excluded = f"{parts.scheme}://{parts.netloc}" == origin and content_file(parts.path)
        if excluded:
            left_out += item["bytes"]
        else:
            counted += item["bytes"]
        encoding = f" [{item['encoding']}: {item['decoded']:,} B]" if item["encoding"] else ""
        note = " (content, not counted)" if excluded else ""
        print(f"  {item['bytes']:>8,} B{encoding}  {parts.path}{note}")
    print(f"  counted: {counted:,} B of {BUDGET:,} B; content left out: {left_out:,} B")
    print(f"  {len(requests)} requests")
    return counted


def third_party(requests: list[dict], origin: str) -> list[str]:
    return [
        item["url"]
        for item in requests
        if not item["url"].startswith(("data:", "blob:", "about:"))
        and not item["url"].startswith(origin + "/")
    ]


@pytest.fixture
def lesson_visit(make_course, make_run):
    """A learner enrolled in a course whose lesson has text and an H5P activity, and the
    session cookie that signs them in."""
    course = make_course(slug="weight-course")
    run = make_run(course)
    body = [
        ("paragraph", RichText("<p>تتعرف في هذا الدرس على مراحل التخطيط التشاركي.</p>" * 6)),
        ("h5p", {"content": h5p_import_path(path=SHARED / "H5P.TrueFalse-small.h5p")}),
    ]
    module = course.test_lessons[0].get_parent()
    lesson = module.add_child(instance=LessonPage(title="نشاط", slug="activity", body=body))
    lesson.save_revision().publish()
    learner = make_user("weight@example.ly")
    services.enrollment_request(user=learner, run=run)
    client = Client()
    client.force_login(learner)
    return lesson, client.cookies[settings.SESSION_COOKIE_NAME].value


def test_home_and_lesson_stay_light_and_on_the_site(browser, site_server, demo_site, lesson_visit):
    lesson, session = lesson_visit
    origin = site_server.url
    cookie = {"name": settings.SESSION_COOKIE_NAME, "value": session, "url": origin}
    home = load(browser, site_server, "/ar/")
    learning = load(browser, site_server, lesson.url, cookies=[cookie])

    assert any(H5P_PACKAGE_FILE.match(urlsplit(item["url"]).path) for item in learning), (
        "the lesson did not load its H5P activity"
    )
    for name, requests in (("home /ar/", home), (f"lesson {lesson.url}", learning)):
        outside = third_party(requests, origin)
        assert not outside, f"{name} asked other hosts: {outside}"
        total = report(name, requests, origin)
        assert total < BUDGET, f"{name} weighs {total:,} B (budget {BUDGET:,} B)"
