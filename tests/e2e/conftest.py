"""Real-browser journeys: Playwright for Python driving Debian's Chromium, headless.

Skipped when /usr/bin/chromium is absent (CI always installs it). Playwright's
own browser download is never used. On failure a screenshot and the page HTML
are saved under test-artifacts/.
"""

import os
import re
import time
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session", autouse=True)
def _one_request_at_a_time_on_sqlite():
    """On SQLite the test database is one shared in-memory file: two requests writing at
    once (the H5P player posts statements in parallel) fail with "table is locked". A
    server that answers one request at a time avoids it; PostgreSQL keeps the threads."""
    from django.core.servers.basehttp import WSGIServer
    from django.db import connection
    from django.test.testcases import LiveServerThread

    if connection.vendor != "sqlite":
        yield
        return

    class SerialWSGIServer(WSGIServer):
        # LiveServerThread already shares its connections with the thread that serves.
        def __init__(self, *args, connections_override=None, **kwargs):
            super().__init__(*args, **kwargs)

    threaded = LiveServerThread.server_class
    LiveServerThread.server_class = SerialWSGIServer
    yield
    LiveServerThread.server_class = threaded


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(reason=f"no Chromium at {CHROMIUM}")
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture(scope="module")
def browser():
    """One Chromium per test module.

    Playwright's sync API keeps an event loop running in this thread while it
    is open, which makes Django refuse ORM calls; so the browser closes with
    its module, before any other test runs in this worker, and the journeys'
    own ORM calls are allowed explicitly meanwhile.
    """
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=ARGS
            )
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" and report.failed:
        page = item.funcargs.get("page")
        if page is not None:
            ARTIFACTS.mkdir(exist_ok=True)
            name = re.sub(r"[^\w.-]+", "_", item.nodeid)
            page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
            (ARTIFACTS / f"{name}.html").write_text(page.content(), encoding="utf-8")


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="ar")
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    context.close()


@pytest.fixture
def new_page(browser, live_server, request):
    """Pages in fresh browser contexts (one per person); saved to test-artifacts/ on failure."""
    pages = []
    failed_before = request.session.testsfailed

    def make(name: str):
        context = browser.new_context(base_url=live_server.url, locale="ar")
        page = context.new_page()
        page.set_default_timeout(20_000)
        pages.append((name, page))
        return page

    yield make
    failed = request.session.testsfailed > failed_before
    for name, page in pages:
        if failed:
            ARTIFACTS.mkdir(exist_ok=True)
            stem = re.sub(r"[^\w.-]+", "_", f"{request.node.nodeid}-{name}")
            page.screenshot(path=str(ARTIFACTS / f"{stem}.png"), full_page=True)
            (ARTIFACTS / f"{stem}.html").write_text(page.content(), encoding="utf-8")
        page.context.close()


def login(page, email: str, password: str, language: str = "ar") -> None:
    page.goto(f"/{language}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def admin_login(page, email: str, password: str) -> None:
    """Sign in to the Arabic Wagtail admin, which must answer in Arabic, right to left."""
    page.goto("/admin/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", password)
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/admin/")
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("html").get_attribute("dir") == "rtl"


def read(query, seconds: float = 10):
    """Run ``query``, waiting while the live server writes: on SQLite the test and the
    server share one in-memory database, and a read during its write fails as locked."""
    from django.db import OperationalError

    deadline = time.monotonic() + seconds
    while True:
        try:
            return query()
        except OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.1)


# The course fixtures of the unit tests, shared with the journeys.
from ..courses.conftest import make_course, make_run  # noqa: E402, F401
