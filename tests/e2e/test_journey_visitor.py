"""Journey 1: a visitor reads the latest news and an event in Arabic, then in French and back."""

import datetime as dt

from django.utils import timezone, translation
from django.utils.formats import date_format

from wagtail.rich_text import RichText

import pytest
from playwright.sync_api import expect

from cms import demo
from cms.events.models import EventKind, EventPage
from cms.news.models import NewsPage

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

NEWS = {
    "title": "البلديات تعتمد خطط التنمية المحلية لعام 2027",
    "lead": "اعتمدت سبع بلديات خططها التنموية بعد جلسات تشاركية مع المواطنين.",
    "body": "ناقش أعضاء المجالس البلدية أولويات الخدمات مع ممثلي الأحياء.",
}
EVENT = {
    "ar": {
        "title": "ورشة الموازنة التشاركية في غدامس",
        "lead": "ورشة تدريبية لموظفي الشؤون المالية حول إشراك المواطنين في إعداد الموازنة.",
        "place": "قاعة المجلس البلدي، غدامس",
    },
    "fr": {
        "title": "Atelier sur le budget participatif à Ghadamès",
        "lead": "Un atelier pour le personnel financier sur la participation citoyenne au budget.",
        "place": "Salle du conseil municipal, Ghadamès",
    },
}


# As the switcher names them, each in its own language.
ARABIC = translation.get_language_info("ar")["name_local"]
FRENCH = translation.get_language_info("fr")["name_local"]


def home_sections(home, locales) -> None:
    """Latest news and upcoming events on each home page that has no sections yet."""
    headings = {
        "ar": ("آخر الأخبار", "الفعاليات القادمة"),
        "en": ("Latest news", "Upcoming events"),
        "fr": ("Dernières actualités", "Événements à venir"),
    }
    for code, (news, events) in headings.items():
        page = home.get_translation(locales[code]).specific
        if page.body:
            continue
        page.body = [
            ("latest_news", {"heading": news, "count": 3}),
            ("upcoming_events", {"heading": events, "count": 3}),
        ]
        demo.publish(page)


@pytest.fixture
def site_content(db):
    """Home, news and event sections in ar/en/fr, with this journey's article and event.

    Built with the demo's own builders rather than the whole demo (which takes
    about 20 s on a small machine); if the demo is already there, it is reused
    and the article (dated today) and the event (next week) still come first.
    """
    locales = demo.ensure_locales()
    home = demo.ensure_home_pages(locales)
    sections = demo.ensure_sections(home, locales)
    home_sections(home, locales)
    news = demo.child(
        sections["news"],
        NewsPage,
        "journey-local-plans",
        title=NEWS["title"],
        lead=NEWS["lead"],
        date=timezone.localdate(),
        body=[("paragraph", RichText(f"<p>{NEWS['body']}</p>"))],
    )
    start = timezone.localtime().replace(hour=9, minute=30, second=0, microsecond=0)
    start += dt.timedelta(days=7)
    event = demo.child(
        sections["events"],
        EventPage,
        "journey-participatory-budget",
        kind=EventKind.WORKSHOP,
        start=start,
        end=start + dt.timedelta(hours=6),
        **EVENT["ar"],
    )
    demo.translation(event, locales["fr"], **EVENT["fr"])
    return {"news": news, "event": event, "start": start}


def translated(language: str, message: str) -> str:
    with translation.override(language):
        return translation.gettext(message)


def shown_date(value, language: str) -> str:
    with translation.override(language):
        return date_format(timezone.localtime(value), "DATE_FORMAT")


def html_attributes(page) -> tuple[str, str]:
    root = page.locator("html")
    return root.get_attribute("lang"), root.get_attribute("dir")


def test_visitor_reads_news_and_an_event_in_arabic_then_french(page, site_content):
    start = site_content["start"]

    # The Arabic home page, right to left, lists the newest article first.
    page.goto("/ar/")
    assert html_attributes(page) == ("ar", "rtl")
    latest = page.locator("section[aria-labelledby=latest-news]")
    assert latest.get_by_role("heading", level=2).inner_text() == "آخر الأخبار"
    first_card = latest.locator("article.card").first
    assert first_card.locator(".card__title").inner_text() == NEWS["title"]

    # Click through to the article: its title, lead and body are shown.
    first_card.get_by_role("link", name=NEWS["title"]).click()
    page.wait_for_url("**/ar/news/journey-local-plans/")
    assert page.get_by_role("heading", level=1).inner_text() == NEWS["title"]
    assert page.locator(".article__lead").inner_text() == NEWS["lead"]
    assert NEWS["body"] in page.locator(".article__body").inner_text()

    # Back home, the upcoming events name the workshop with its place.
    page.locator("a[rel=home]").click()
    page.wait_for_url("**/ar/")
    upcoming = page.locator("section[aria-labelledby=upcoming-events]")
    assert EVENT["ar"]["place"] in upcoming.get_by_role("listitem").first.inner_text()
    expect(upcoming.get_by_role("link", name=EVENT["ar"]["title"])).to_be_visible()

    # The main menu leads to the events, where it is the next one, with its date and place.
    page.get_by_role("navigation", name=translated("ar", "Main")).get_by_role(
        "link", name="الفعاليات"
    ).click()
    page.wait_for_url("**/ar/events/")
    card = page.locator("section[aria-labelledby=upcoming] article.card").first
    assert card.locator(".card__title").inner_text() == EVENT["ar"]["title"]
    assert shown_date(start, "ar") in card.locator(".card__meta").inner_text()
    assert EVENT["ar"]["place"] in card.locator(".card__meta").inner_text()
    card.get_by_role("link", name=EVENT["ar"]["title"]).click()
    page.wait_for_url("**/ar/events/journey-participatory-budget/")

    # The event page: title, date (machine-readable and shown), place.
    assert page.get_by_role("heading", level=1).inner_text() == EVENT["ar"]["title"]
    facts = page.locator("dl.event__facts")
    when = facts.locator("time").first
    assert when.get_attribute("datetime").startswith(start.date().isoformat())
    assert shown_date(start, "ar") in when.inner_text()
    assert EVENT["ar"]["place"] in facts.inner_text()

    # The switcher leads to the French translation of the same event, left to right.
    switcher = page.get_by_role("navigation", name=translated("ar", "Language"))
    assert switcher.locator("[aria-current=true]").inner_text() == ARABIC
    assert sorted(switcher.locator("a").evaluate_all("els => els.map(e => e.hreflang)")) == ["fr"]
    switcher.get_by_role("link", name=FRENCH).click()
    page.wait_for_url("**/fr/events/journey-participatory-budget/")
    assert html_attributes(page) == ("fr", "ltr")
    assert page.get_by_role("heading", level=1).inner_text() == EVENT["fr"]["title"]
    facts = page.locator("dl.event__facts")
    assert shown_date(start, "fr") in facts.locator("time").first.inner_text()
    assert EVENT["fr"]["place"] in facts.inner_text()
    arabic_url = page.locator("link[rel=alternate][hreflang=ar]").get_attribute("href")
    assert arabic_url.endswith("/ar/events/journey-participatory-budget/")

    # And back to Arabic.
    page.get_by_role("navigation", name=translated("fr", "Language")).get_by_role(
        "link", name=ARABIC
    ).click()
    page.wait_for_url("**/ar/events/journey-participatory-budget/")
    assert html_attributes(page) == ("ar", "rtl")
    assert page.get_by_role("heading", level=1).inner_text() == EVENT["ar"]["title"]
