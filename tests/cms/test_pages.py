"""Page types: where they may be created, and how each renders in ar, en and fr."""

import xml.etree.ElementTree as ET
from datetime import timedelta
from http import HTTPStatus

from django.utils import timezone
from django.utils.html import escape

from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase

import pytest
from icalendar import Calendar

from cms.blocks import BaseStreamBlock
from cms.events.models import EventIndexPage, EventPage
from cms.home.models import HomePage
from cms.news.models import NewsIndexPage, NewsPage
from cms.programmes.models import ProgrammeIndexPage, ProgrammePage
from cms.standard.models import FormPage, StandardPage
from community.models import PlatformIndexPage
from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage


class TestCreationRules(WagtailPageTestCase):
    def test_home_holds_the_sections(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                NewsIndexPage,
                EventIndexPage,
                ProgrammeIndexPage,
                StandardPage,
                FormPage,
                CourseIndexPage,
                PlatformIndexPage,
            },
        )
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_articles_live_in_their_index(self):
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedParentPageTypes(ProgrammePage, {ProgrammeIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())
        self.assertAllowedSubpageTypes(EventPage, set())
        self.assertCanNotCreateAt(HomePage, NewsPage)
        self.assertCanNotCreateAt(NewsIndexPage, EventPage)
        self.assertCanCreateAt(StandardPage, StandardPage)

    def test_course_tree(self):
        self.assertAllowedParentPageTypes(CourseIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CourseIndexPage, {CoursePage})
        self.assertAllowedSubpageTypes(CoursePage, {ModulePage})
        self.assertAllowedSubpageTypes(ModulePage, {LessonPage})
        self.assertAllowedSubpageTypes(LessonPage, set())


pytestmark = pytest.mark.django_db


def page(model, slug, language="ar"):
    """A demo page by its Arabic slug, in the given language."""
    arabic = model.objects.get(slug=slug, locale__language_code="ar")
    return arabic.get_translation(Locale.objects.get(language_code=language)).specific


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
@pytest.mark.parametrize(
    ("model", "slug"),
    [
        (HomePage, "markaz"),
        (NewsIndexPage, "news"),
        (NewsPage, "think-tank-closing-tunis"),
        (EventIndexPage, "events"),
        (EventPage, "ghadames-tinley-park-twinning-conference"),
        (ProgrammeIndexPage, "programmes"),
        (ProgrammePage, "isal"),
        (StandardPage, "about"),
        (FormPage, "contact"),
    ],
)
def test_every_page_type_renders_in_each_language(client, demo_site, model, slug, language):
    target = page(model, slug, language)
    response = client.get(target.url)
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    direction = "rtl" if language == "ar" else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert escape(target.title) in html
    # Every translation is announced to search engines.
    for code in ("ar", "en", "fr"):
        assert f'hreflang="{code}"' in html
    assert f'<link rel="canonical" href="{target.full_url}">' in html


def test_news_article_shows_its_relations(client, demo_site):
    html = client.get(page(NewsPage, "think-tank-closing-tunis").url).content.decode()
    assert "إيصال" in html  # the programme
    assert "وادي عتبة" in html  # a municipality
    assert "الاتحاد الأوروبي" in html  # a partner
    assert 'property="og:type" content="article"' in html


def test_untranslated_article_falls_back_to_arabic_and_is_marked(client, demo_site):
    arabic_only = page(NewsPage, "djibouti-minister-visit")
    english_index = client.get("/en/news/").content.decode()
    assert escape(arabic_only.title) in english_index
    assert 'lang="ar"' in english_index
    # Its own page offers no English or French version.
    html = client.get(arabic_only.url).content.decode()
    assert 'hreflang="en"' not in html
    assert 'hreflang="fr"' not in html


def test_news_index_filters(client, demo_site):
    ghadames_news = page(NewsPage, "ghadames-tinley-park-conference")
    isal = page(ProgrammePage, "isal")

    html = client.get("/ar/news/?municipality=ghadames").content.decode()
    assert escape(ghadames_news.title) in html
    assert escape(page(NewsPage, "think-tank-closing-tunis").title) not in html

    html = client.get(f"/ar/news/?programme={isal.translation_key}").content.decode()
    assert escape(page(NewsPage, "think-tank-closing-tunis").title) in html
    assert escape(ghadames_news.title) not in html

    tag = ghadames_news.tags.first()
    html = client.get(f"/ar/news/?tag={tag.slug}").content.decode()
    assert escape(ghadames_news.title) in html
    assert escape(page(NewsPage, "djibouti-minister-visit").title) not in html


def test_news_index_paginates(client, demo_site):
    index = page(NewsIndexPage, "news")
    for number in range(12):
        index.add_child(
            instance=NewsPage(
                title=f"خبر رقم {number}",
                slug=f"item-{number}",
                lead="موجز",
                date=timezone.localdate() - timedelta(days=number),
            )
        )
    first = client.get("/ar/news/").content.decode()
    second = client.get("/ar/news/?page=2").content.decode()
    assert "خبر رقم 0" in first and "خبر رقم 0" not in second
    assert 'rel="next"' in first and 'rel="prev"' in second
    # An out-of-range page number shows the last page rather than an error.
    assert client.get("/ar/news/?page=99").status_code == HTTPStatus.OK


def test_event_index_splits_upcoming_and_past(client, demo_site):
    html = client.get("/ar/events/").content.decode()
    upcoming, past = html.split('id="past"')
    assert escape(page(EventPage, "tot-community-participation-2027").title) in upcoming
    assert escape(page(EventPage, "local-development-plans-workshop").title) in past


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_event_ics_download_parses(client, demo_site, language):
    event = page(EventPage, "local-development-plans-workshop", language)
    response = client.get(f"{event.url}ics/")
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    (component,) = calendar.walk("VEVENT")
    assert str(component["SUMMARY"]) == event.title
    assert component.decoded("DTSTART") == event.start
    assert component.decoded("DTEND") == event.end
    assert event.full_url in str(component["DESCRIPTION"])
    # Same event in every language: one UID, so calendars do not duplicate it.
    assert str(component["UID"]).startswith(str(event.translation_key))


def test_programme_page_gathers_news_and_events(client, demo_site):
    html = client.get(page(ProgrammePage, "taqarub").url).content.decode()
    assert escape(page(NewsPage, "ghadames-tinley-park-conference").title) in html
    assert escape(page(EventPage, "ghadames-tinley-park-twinning-conference").title) in html
    assert "الوكالة الأمريكية للتنمية الدولية" in html or "USAID" in html


def test_municipality_page_gathers_everything(client, demo_site):
    response = client.get("/fr/municipalities/ghadames/")
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Ghadamès" in html
    assert escape(page(NewsPage, "ghadames-tinley-park-conference", "fr").title) in html
    assert escape(page(ProgrammePage, "taqarub", "fr").title) in html
    assert client.get("/ar/municipalities/nowhere/").status_code == HTTPStatus.NOT_FOUND
    listing = client.get("/ar/municipalities/").content.decode()
    assert "غدامس" in listing and "ليبيا" in listing


def test_contact_form_stores_submissions(client, demo_site):
    form = page(FormPage, "contact", "en")
    response = client.post(
        form.url,
        {
            "full_name": "Amal",
            "e_mail": "amal@example.ly",
            "municipality_or_organisation": "Gharyan",
            "your_message": "When does the next course start?",
        },
    )
    assert response.status_code == HTTPStatus.OK
    assert "Thank you" in response.content.decode()
    submission = FormSubmission.objects.get(page=form)
    assert submission.get_data()["e_mail"] == "amal@example.ly"


def test_contact_form_errors_are_in_the_users_language(client, demo_site):
    form = page(FormPage, "contact", "ar")
    response = client.post(form.url, {"full_name": ""})
    assert response.status_code == HTTPStatus.OK
    assert "هذا الحقل مطلوب" in response.content.decode()  # Django's own Arabic
    assert not FormSubmission.objects.filter(page=form).exists()


@pytest.mark.parametrize("name", list(BaseStreamBlock.base_blocks))
def test_every_block_is_documented_and_previews(name):
    block = BaseStreamBlock.base_blocks[name]
    assert block.meta.icon and block.meta.icon != "placeholder"
    assert block.meta.template
    assert str(block.meta.description)
    preview = block.get_preview_value()
    if name not in {"image", "document", "embed"}:  # those need a chosen object
        assert block.render(preview).strip()


def test_home_page_sections_in_each_language(client, demo_site):
    for language, heading in (("ar", "آخر الأخبار"), ("en", "Latest news"), ("fr", "Dernières")):
        html = client.get(f"/{language}/").content.decode()
        assert heading in html
    ar_home = client.get("/ar/").content.decode()
    assert escape(page(EventPage, "tot-community-participation-2027").title) in ar_home
    assert escape(page(ProgrammePage, "isal").title) in ar_home


def test_sitemap_lists_every_language_with_alternates(client, demo_site):
    response = client.get("/sitemap.xml")
    assert response.status_code == HTTPStatus.OK
    root = ET.fromstring(response.content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locations = [loc.text for loc in root.findall("s:url/s:loc", ns)]
    news = page(NewsPage, "think-tank-closing-tunis")
    for language in ("ar", "en", "fr"):
        translated = news.get_translation(Locale.objects.get(language_code=language))
        assert translated.full_url in locations
    draft_free = NewsPage.objects.filter(live=False)
    assert not any(p.full_url in locations for p in draft_free)
    entry = next(u for u in root.findall("s:url", ns) if u.find("s:loc", ns).text == news.full_url)
    assert {link.get("hreflang") for link in entry.findall("x:link", ns)} == {"ar", "en", "fr"}


def test_robots_txt_points_to_the_sitemap(client):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body


def test_catalogue_and_course_pages(client, demo_site):
    for language in ("ar", "en", "fr"):
        catalogue = page(CourseIndexPage, "courses", language)
        html = client.get(catalogue.url).content.decode()
        course = CoursePage.objects.get(slug="local-strategic-planning")
        assert escape(course.title) in html  # Arabic courses are listed in every language
    html = client.get("/ar/courses/?category=adult-education").content.decode()
    assert escape(CoursePage.objects.get(slug="adult-education-for-trainers").title) in html
    assert escape(course.title) not in html
    response = client.get(course.url)
    assert response.status_code == HTTPStatus.OK
    first_lesson = LessonPage.objects.descendant_of(course).order_by("path").first()
    assert escape(first_lesson.title) in response.content.decode()  # the public outline


def test_search_finds_courses(client, demo_site):
    course = CoursePage.objects.get(slug="community-participation")
    html = client.get("/ar/search/", {"q": course.title.split()[0]}).content.decode()
    assert escape(course.title) in html
