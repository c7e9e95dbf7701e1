"""Anonymous page views come from the shared cache until content changes."""

import time

from django.contrib.messages.storage.cookie import CookieStorage
from django.test import Client
from django.utils import translation
from django.utils.html import escape

from wagtail import hooks
from wagtail.models import Locale

import pytest

from cms import cache as page_cache
from cms.events.models import EventPage
from cms.home.models import HomePage
from cms.news.models import NewsPage
from cms.partners.models import Partner
from cms.programmes.models import ProgrammePage
from cms.standard.models import FormPage
from community.models import PlatformIndexPage
from courses.models import CoursePage
from courses.models.enrolment import SEAT_STATUSES

pytestmark = pytest.mark.django_db


def arabic(model, slug):
    return model.objects.get(slug=slug, locale__language_code="ar")


def newest_news():
    return NewsPage.objects.live().filter(locale__language_code="ar").order_by("-date").first()


def seats(taken: int, capacity: int) -> str:
    """The run card's "3 of 30 taken", as the Arabic page words it."""
    with translation.override("ar"):
        text = translation.gettext("%(taken)s of %(capacity)s taken")
    return text % {"taken": taken, "capacity": capacity}


def public_urls():
    return [
        "/ar/",
        "/ar/news/",
        "/ar/news/?page=1",
        arabic(NewsPage, "think-tank-closing-tunis").url,
        "/ar/events/",
        arabic(EventPage, "ghadames-tinley-park-twinning-conference").url,
        "/ar/programmes/",
        arabic(ProgrammePage, "isal").url,
        "/ar/courses/",
        arabic(CoursePage, "local-strategic-planning").url,
        PlatformIndexPage.objects.get(locale__language_code="ar").url,
    ]


def test_second_anonymous_view_is_a_hit_served_without_a_query(
    client, demo_site, django_assert_num_queries
):
    for url in public_urls():
        first = client.get(url)
        assert first.status_code == 200, url
        assert first["X-Cache"] == "MISS", url
        with django_assert_num_queries(0):
            second = client.get(url)
        assert second["X-Cache"] == "HIT", url
        assert second.content == first.content, url
        # The headers of the page travel with it, and the site's own are added again.
        for header in ("Content-Type", "Content-Language", "Content-Security-Policy"):
            assert second[header] == first[header], (url, header)
        assert second["X-Content-Type-Options"] == "nosniff"
        assert second.get("Vary") == first.get("Vary"), url


def test_signed_in_users_are_never_served_nor_stored(client, demo_site, verified_user):
    url = newest_news().url
    client.force_login(verified_user)
    for _ in range(2):
        response = client.get(url)
        assert response["X-Cache"] == "MISS"
        assert escape(verified_user.display_name) in response.content.decode()
    # Nothing the signed-in user saw was kept for others.
    anonymous = Client()
    first = anonymous.get(url)
    assert first["X-Cache"] == "MISS"
    assert escape(verified_user.display_name) not in first.content.decode()
    assert anonymous.get(url)["X-Cache"] == "HIT"
    # And a page cached for visitors is not what the signed-in user gets.
    response = client.get(url)
    assert response["X-Cache"] == "MISS"
    assert escape(verified_user.display_name) in response.content.decode()


def test_publishing_an_article_refreshes_the_home_page_and_the_article(client, demo_site):
    article = newest_news()
    for url in ("/ar/", article.url):
        client.get(url)
        assert client.get(url)["X-Cache"] == "HIT"
    article.title = "عنوان جديد بعد التحرير"
    article.save_revision().publish()
    for url in ("/ar/", article.url):
        response = client.get(url)
        assert response["X-Cache"] == "MISS", url
        assert "عنوان جديد بعد التحرير" in response.content.decode(), url
        assert client.get(url)["X-Cache"] == "HIT", url


def test_a_draft_edit_leaves_readers_with_the_published_page(client, demo_site):
    article = newest_news()
    published_title = article.title
    client.get(article.url)
    article.title = "مسودة لم تنشر بعد"
    article.save_revision()
    response = client.get(article.url)
    html = response.content.decode()
    # A draft (or the admin autosaving one) leaves the site's cached pages in place.
    assert response["X-Cache"] == "HIT"
    assert escape(published_title) in html
    assert "مسودة لم تنشر بعد" not in html


def test_unpublishing_removes_the_article_from_the_cached_index(client, demo_site):
    article = newest_news()
    assert escape(article.title) in client.get("/ar/news/").content.decode()
    article.unpublish()
    response = client.get("/ar/news/")
    assert response["X-Cache"] == "MISS"
    assert escape(article.title) not in response.content.decode()
    assert client.get(article.url).status_code == 404


def test_search_results_are_cached_for_visitors_until_a_page_is_published(
    client, demo_site, django_assert_num_queries, verified_user
):
    url = "/ar/search/?q=" + "الموازنة التشاركية"
    first = client.get(url)
    assert first.status_code == 200
    assert first["X-Cache"] == "MISS"
    assert "تجربة قفصة في الموازنة التشاركية" not in first.content.decode()
    with django_assert_num_queries(0):
        assert client.get(url)["X-Cache"] == "HIT"
    # Another page of results or another query is a page of its own.
    assert client.get(url + "&page=2")["X-Cache"] == "MISS"

    index = newest_news().get_parent()
    title = "تجربة قفصة في الموازنة التشاركية"
    article = index.add_child(instance=NewsPage(title=title, slug="gafsa-budget", lead="ورشة"))
    article.save_revision().publish()
    response = client.get(url)
    assert response["X-Cache"] == "MISS"
    assert escape(article.title) in response.content.decode()
    assert client.get(url)["X-Cache"] == "HIT"

    article.unpublish()
    response = client.get(url)
    assert response["X-Cache"] == "MISS"
    assert escape(article.title) not in response.content.decode()

    # A signed-in reader's search is neither served from the cache nor stored.
    reader = Client()
    reader.force_login(verified_user)
    for _ in range(2):
        assert reader.get(url)["X-Cache"] == "MISS"


def test_editing_a_partner_refreshes_the_pages_that_show_it(client, demo_site):
    article = arabic(NewsPage, "think-tank-closing-tunis")
    partner = article.partners.get(name="الاتحاد الأوروبي")
    client.get(article.url)
    assert client.get(article.url)["X-Cache"] == "HIT"
    partner.name = "بعثة الاتحاد الأوروبي"
    partner.save()
    response = client.get(article.url)
    assert response["X-Cache"] == "MISS"
    assert "بعثة الاتحاد الأوروبي" in response.content.decode()
    # Removing it is a change too.
    Partner.objects.filter(pk=partner.pk).first().delete()
    assert "بعثة الاتحاد الأوروبي" not in client.get(article.url).content.decode()


def test_course_run_changes_show_on_the_cached_course_page(client, demo_site, django_user_model):
    from courses import services

    course = arabic(CoursePage, "local-strategic-planning")
    run = course.runs.first()
    taken = run.enrollments.filter(status__in=SEAT_STATUSES).count()
    client.get(course.url)
    assert seats(taken, run.capacity) in client.get(course.url).content.decode()
    run.capacity += 5
    run.save()
    assert seats(taken, run.capacity) in client.get(course.url).content.decode()
    # A learner taking a seat changes the count visitors see.
    learner = django_user_model.objects.create_user(email="seat@example.ly", password="x")
    services.enrollment_request(user=learner, run=run)
    assert seats(taken + 1, run.capacity) in client.get(course.url).content.decode()


def test_a_page_with_a_form_is_never_cached(client, demo_site, settings):
    contact = arabic(FormPage, "contact")
    # Even if its type were allowed, the CSRF token in the body keeps it out.
    settings.PAGE_CACHE_PAGE_TYPES = [*settings.PAGE_CACHE_PAGE_TYPES, "standard.FormPage"]
    for _ in range(3):
        response = client.get(contact.url)
        assert response.status_code == 200
        assert response["X-Cache"] == "MISS"
        assert "csrfmiddlewaretoken" in response.content.decode()


def test_each_language_is_cached_apart(client, demo_site):
    for language in ("ar", "en", "fr"):
        assert client.get(f"/{language}/")["X-Cache"] == "MISS"
    for language in ("ar", "en", "fr"):
        response = client.get(f"/{language}/")
        assert response["X-Cache"] == "HIT"
        assert f'<html lang="{language}"' in response.content.decode()
        assert response["Content-Language"] == language
    home_en = HomePage.objects.get(locale=Locale.objects.get(language_code="en"))
    home_en.title = "Markaz home, edited"
    home_en.save_revision().publish()
    assert client.get("/en/")["X-Cache"] == "MISS"


def test_a_response_that_sets_a_cookie_is_not_stored(client, demo_site):
    def remember_visit(page, request, serve_args, serve_kwargs):
        request.session["seen"] = page.pk  # a page that writes to the visitor's session

    with hooks.register_temporarily("before_serve_page", remember_visit):
        first = Client().get("/ar/news/")
        assert "sessionid" in first.cookies
        second = Client().get("/ar/news/")
    assert second["X-Cache"] == "MISS"
    assert "sessionid" in second.cookies


def test_visitors_with_a_session_or_messages_get_a_fresh_page(client, demo_site):
    client.get("/ar/events/")
    assert client.get("/ar/events/")["X-Cache"] == "HIT"
    with_messages = Client()
    with_messages.cookies[CookieStorage.cookie_name] = "anything"
    assert with_messages.get("/ar/events/")["X-Cache"] == "MISS"
    with_session = Client()
    with_session.cookies["sessionid"] = "not-a-real-session"
    assert with_session.get("/ar/events/")["X-Cache"] == "MISS"


def test_query_strings_are_cached_apart(client, demo_site):
    client.get("/ar/news/")
    first = client.get("/ar/news/?tag=does-not-exist")
    assert first["X-Cache"] == "MISS"
    assert client.get("/ar/news/?tag=does-not-exist").content == first.content
    assert client.get("/ar/news/")["X-Cache"] == "HIT"


def test_a_zero_timeout_turns_the_cache_off(client, demo_site, settings):
    settings.PAGE_CACHE_SECONDS = 0
    for _ in range(2):
        assert client.get("/ar/")["X-Cache"] == "MISS"


def test_the_generation_survives_a_lost_counter(demo_site):
    """If the counter is evicted it restarts above every value it had, never at 1."""
    from django.core.cache import cache

    before = page_cache.generation()
    page_cache.bump()
    assert page_cache.generation() == before + 1
    cache.delete(page_cache.GENERATION_KEY)
    time.sleep(0.001)  # the restart value comes from the clock
    assert page_cache.generation() > before + 1


def test_a_counter_lost_after_a_burst_of_changes_restarts_above_it(demo_site):
    """Bumps can come faster than once a millisecond (each save bumps twice): the
    restart must still land above every value reached, or an entry kept under an old
    generation (a page, a route) is read again as current."""
    from django.core.cache import cache

    for _ in range(2000):
        page_cache.bump()
    reached = page_cache.generation()
    cache.delete(page_cache.GENERATION_KEY)
    assert page_cache.generation() > reached


def test_the_main_menu_follows_publishing_for_signed_in_readers_too(client, django_user_model):
    """The menu is kept in the shared cache for every reader; a new section in the menu
    shows on the next page, and one taken out of the menu goes."""
    from cms.standard.models import StandardPage

    reader = django_user_model.objects.create_user(email="menu@example.ly", password="x-1234-y")
    client.force_login(reader)
    home = HomePage.objects.get(locale__language_code="ar")
    assert "عن المركز للقياس" not in client.get("/ar/search/").content.decode()
    section = home.add_child(
        instance=StandardPage(title="عن المركز للقياس", slug="menu-probe", show_in_menus=True)
    )
    section.save_revision().publish()
    html = client.get("/ar/search/").content.decode()
    assert f'href="{section.url}"' in html and "عن المركز للقياس" in html
    section.show_in_menus = False
    section.save_revision().publish()
    assert "عن المركز للقياس" not in client.get("/ar/search/").content.decode()
