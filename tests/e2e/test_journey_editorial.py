"""Journey 4: an editor writes news in the Arabic admin, a moderator publishes it, readers see it.

The editor and the moderator each sign in to /admin/ in their own browser
context; an anonymous visitor reads the site and the RSS feed in a third.
"""

import re
import time
import xml.etree.ElementTree as ET
from http import HTTPStatus

from django.contrib.auth.models import Group
from django.utils import translation
from django.utils.translation import gettext

from wagtail.models import TaskState

import pytest
from playwright.sync_api import expect

from cms import demo
from cms.news.models import NewsPage
from cms.roles import EDITORS, MODERATORS, PUBLICATION_TASK, REVIEW_TASK, WORKFLOW_NAME, roles_setup

from .conftest import admin_login, read

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "pass-1234-word"
TITLE = "المركز يطلق دورة لتدريب مدربي المشاركة المجتمعية"
LEAD = "تستهدف الدورة عشرين موظفًا من بلديات الجنوب وتمتد على خمسة أيام."
BODY = "يتعلم المشاركون تصميم جلسات الاستماع إلى المواطنين وتيسيرها."


def arabic(message: str, **values) -> str:
    """``message`` as the Arabic interface shows it (Wagtail's or ours)."""
    with translation.override("ar"):
        text = gettext(message)
    return text % values if values else text


@pytest.fixture
def newsroom(db, django_user_model):
    """The Arabic site with its news section, the editorial roles, an editor and a moderator."""
    locales = demo.ensure_locales()
    home = demo.ensure_home_pages(locales)
    sections = demo.ensure_sections(home, locales)
    if not home.body:
        home.body = [("latest_news", {"heading": "آخر الأخبار", "count": 3})]
        demo.publish(home)
    roles_setup()

    def person(email: str, group: str):
        user = django_user_model.objects.create_user(email=email, password=PASSWORD)
        user.groups.add(Group.objects.get(name=group))
        return user

    return {
        "index": sections["news"],
        "editor": person("editor@markaz.test", EDITORS),
        "moderator": person("moderator@markaz.test", MODERATORS),
    }


def wait_until(condition, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not read(condition):
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)  # polls the database, not the browser


def draft_of(title: str):
    """The latest revision (autosaved or submitted) of the article titled ``title``, or None."""
    page = NewsPage.objects.filter(title=title).first()
    return page.get_latest_revision_as_object() if page else None


def latest_titles(page) -> list[str]:
    page.goto("/ar/")
    return page.locator("section[aria-labelledby=latest-news] .card__title").all_inner_texts()


def approve_from_dashboard(page) -> None:
    """Approve the journey's article from the moderator's 'Awaiting your review' panel."""
    page.goto("/admin/")
    panel = page.locator("section").filter(
        has=page.get_by_role("heading", name=arabic("Awaiting your review"))
    )
    row = panel.get_by_role("row").filter(has_text=TITLE)
    row.get_by_role("button", name=arabic("Actions")).click()
    with page.expect_navigation():
        row.get_by_role("button", name=arabic("Approve"), exact=True).click()


def test_editor_submits_moderator_publishes_visitor_reads(page, new_page, newsroom):
    # The editor writes the article under the Arabic news index, in the Arabic admin.
    admin_login(page, newsroom["editor"].email, PASSWORD)
    page.goto(f"/admin/pages/{newsroom['index'].pk}/")
    page.get_by_role("link", name=arabic("Add child page")).first.click()
    page.wait_for_url("**/add/news/newspage/**")
    page.fill("input[name=title]", TITLE)
    page.fill("textarea[name=lead]", LEAD)
    page.locator("[data-contentpath=body] .c-sf-add-button").first.click()
    page.get_by_role("option", name=arabic("Paragraph")).click()
    page.locator("[data-contentpath=body] .public-DraftEditor-content").first.click()  # Draftail
    page.keyboard.type(BODY)
    # The rich-text editor hands its text to the form a moment after the typing stops.
    expect(page.locator("input[name=body-0-value]")).to_have_value(re.compile(BODY[:12]))

    # She saves the draft (the admin may also autosave it as she types: either way one page)…
    page.locator("button.action-save").filter(has_text=arabic("Save draft")).click()
    page.wait_for_url("**/admin/pages/*/edit/")
    wait_until(lambda: BODY in str(getattr(draft_of(TITLE), "body", "")))
    assert read(lambda: NewsPage.objects.filter(title=TITLE).count()) == 1

    # …and submits it to the news workflow instead of publishing it.
    page.get_by_role("button", name=arabic("More actions")).click()
    submit = page.locator("button[name=action-submit]")
    assert submit.inner_text().strip() == arabic(
        "Submit to %(workflow_name)s", workflow_name=WORKFLOW_NAME
    )
    submit.click()
    page.wait_for_url(f"**/admin/pages/{newsroom['index'].pk}/")
    message = arabic("Page '%(page_title)s' has been submitted for moderation.", page_title=TITLE)
    expect(page.locator(".messages")).to_contain_text(message)
    article = read(lambda: NewsPage.objects.get(title=TITLE))
    assert not article.live
    assert article.lead == LEAD

    # While it waits for review, readers see nothing of it.
    visitor = new_page("visitor")
    assert TITLE not in latest_titles(visitor)
    assert visitor.goto(article.url).status == HTTPStatus.NOT_FOUND

    # The moderator finds it in the dashboard and approves both steps.
    moderator = new_page("moderator")
    admin_login(moderator, newsroom["moderator"].email, PASSWORD)
    approve_from_dashboard(moderator)
    # After the editorial review it waits for the publication step, still in their list.
    tasks = (
        moderator.get_by_role("row").filter(has_text=TITLE).locator("td.tasks [data-controller]")
    )
    expect(tasks).to_have_count(2)
    status = dict(TaskState.STATUS_CHOICES)
    for task, (name, state) in enumerate(
        [(REVIEW_TASK, TaskState.STATUS_APPROVED), (PUBLICATION_TASK, TaskState.STATUS_IN_PROGRESS)]
    ):
        expected = f"{name}: {arabic(status[state])}"
        expect(tasks.nth(task)).to_have_attribute("data-w-tooltip-content-value", expected)
    approve_from_dashboard(moderator)
    expect(moderator.get_by_role("row").filter(has_text=TITLE)).to_have_count(0)
    article = read(lambda: NewsPage.objects.get(title=TITLE))
    assert article.live

    # The visitor now finds it first among the latest news, reads it, and finds it in the feed.
    assert latest_titles(visitor)[0] == TITLE
    visitor.get_by_role("link", name=TITLE).click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(visitor.locator(".article__lead")).to_have_text(LEAD)
    expect(visitor.locator(".article__body")).to_contain_text(BODY)
    feed = visitor.request.get("/ar/news/feed/")
    assert feed.ok
    assert feed.headers["content-type"].startswith("application/rss+xml")
    items = ET.fromstring(feed.body()).findall("./channel/item")
    assert TITLE in [item.findtext("title") for item in items]
    published = next(item for item in items if item.findtext("title") == TITLE)
    assert published.findtext("description") == LEAD
