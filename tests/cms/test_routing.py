"""Which page a URL leads to is remembered between publishes, and forgotten at each."""

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction, Site

import pytest

from cms.news.models import NewsPage
from cms.standard.models import StandardPage
from community.models import PlatformPage, Topic

pytestmark = pytest.mark.django_db


def newest_news():
    return NewsPage.objects.live().filter(locale__language_code="ar").order_by("-date").first()


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


def warm_view(client, url):
    """The response to a second view of ``url`` (its route remembered), and its SQL."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response, " ".join(query["sql"] for query in queries)


def test_a_signed_in_reader_reaches_a_deep_page_without_walking_the_tree(
    client, demo_site, verified_user
):
    client.force_login(verified_user)
    article = newest_news()
    first, cold = count_queries(client, article.url)
    second, warm = count_queries(client, article.url)
    assert first.status_code == second.status_code == 200
    assert second.context["page"].pk == article.pk
    assert article.title in second.content.decode()
    with override_settings(ROUTE_CACHE_SECONDS=0):
        _, uncached = count_queries(client, article.url)
    # Site, locale, each level's child and its specific row: gone once remembered.
    assert warm <= uncached - 4, (cold, warm, uncached)


def test_an_unpublished_page_is_gone_at_once_for_signed_in_readers(
    client, demo_site, verified_user
):
    client.force_login(verified_user)
    article = newest_news()
    assert client.get(article.url).status_code == 200
    assert client.get(article.url).status_code == 200  # now from the route cache
    article.unpublish()
    assert client.get(article.url).status_code == 404


def test_a_new_slug_moves_the_page_and_the_old_address_stops_working(
    client, demo_site, verified_user
):
    client.force_login(verified_user)
    article = newest_news()
    old_url = article.url
    assert client.get(old_url).status_code == 200
    article.slug = "renamed-for-routing-test"
    article.save_revision().publish()
    article.refresh_from_db()
    assert article.url != old_url
    assert client.get(article.url).status_code == 200
    assert client.get(old_url).status_code == 404


def test_a_private_page_still_asks_for_its_password_when_its_route_is_remembered(
    client, demo_site, verified_user
):
    client.force_login(verified_user)
    page = StandardPage.objects.live().filter(locale__language_code="ar").first()
    assert client.get(page.url).status_code == 200
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret-pass"
    )
    response = client.get(page.url)
    assert response.status_code == 200
    assert "s3cret-pass" not in response.content.decode()
    assert 'name="password"' in response.content.decode()
    assert response.templates[0].name != page.get_template(response.wsgi_request)


def test_routes_inside_a_routable_page_resolve_through_the_cache(client, demo_site, verified_user):
    """A platform page answers its own sub-paths (topics); each is routed by the page."""
    client.force_login(verified_user)
    platform = PlatformPage.objects.live().filter(locale__language_code="ar").first()
    topics = list(Topic.objects.filter(platform=platform, hidden_at__isnull=True)[:2])
    assert len(topics) == 2
    urls = [platform.url + platform.reverse_subpage("topic", args=(t.pk,)) for t in topics]
    for _ in range(2):
        for topic, url in zip(topics, urls, strict=True):
            response = client.get(url)
            # Members read topics; others are told to join. Either way the right topic.
            assert topic.title in response.content.decode(), url
    assert client.get(platform.url + "no-such-route/").status_code == 404


def test_a_site_added_for_another_host_is_served_its_own_home(client, demo_site):
    default = Site.objects.get(is_default_site=True)
    assert client.get("/ar/", HTTP_HOST="localhost").status_code == 200
    other_root = NewsPage.objects.live().filter(locale__language_code="ar").first()
    Site.objects.create(
        hostname="second.example", port=80, root_page=other_root, site_name="Second"
    )
    with override_settings(ALLOWED_HOSTS=["*"]):
        response = client.get("/ar/", HTTP_HOST="second.example")
    assert response.status_code == 200
    assert response.context["page"].pk == other_root.pk
    home = client.get("/ar/", HTTP_HOST="localhost")
    assert home.status_code == 200
    assert home.context["page"].translation_key == default.root_page.translation_key


def test_hosts_named_by_visitors_do_not_grow_the_remembered_sites_without_end(client, demo_site):
    from cms import routing

    with override_settings(ALLOWED_HOSTS=[".example.org"]):
        for n in range(routing.MAX_HOSTS + 10):
            assert client.get("/ar/", HTTP_HOST=f"h{n}.example.org").status_code == 200
    assert len(routing._sites) <= routing.MAX_HOSTS


def test_a_warm_page_view_asks_neither_for_restrictions_nor_for_translations(
    client, demo_site, verified_user
):
    """Both are kept with the route (restrictions) and under the generation (language links)."""
    client.force_login(verified_user)
    article = newest_news()
    response, sql = warm_view(client, article.url)
    assert "wagtailcore_pageviewrestriction" not in sql
    assert f"translation_key\" = '{article.translation_key.hex}'" not in sql
    # The switcher still offers the article's translations.
    html = response.content.decode()
    for translation in article.get_translations().live():
        assert f'hreflang="{translation.locale.language_code}"' in html


def test_a_restriction_added_to_a_section_closes_its_remembered_pages_at_once(
    client, demo_site, verified_user
):
    from django.contrib.auth.models import Group

    client.force_login(verified_user)
    article = newest_news()
    assert client.get(article.url).status_code == 200
    assert client.get(article.url).status_code == 200  # route and restrictions remembered
    editors = Group.objects.create(name="Section readers")
    restriction = PageViewRestriction.objects.create(
        page=article.get_parent(), restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(editors)
    refused = client.get(article.url)
    assert refused.status_code == 302
    assert "login" in refused["Location"]
    verified_user.groups.add(editors)
    assert client.get(article.url).status_code == 200


def test_a_remembered_page_is_served_without_reading_its_row_until_it_is_published_again(
    client, demo_site, verified_user
):
    client.force_login(verified_user)
    article = newest_news()
    _response, sql = warm_view(client, article.url)
    assert f'"page_ptr_id" = {article.pk}' not in sql
    assert f'"wagtailcore_page"."id" = {article.pk}' not in sql
    # A draft is not shown; publishing it is, at once.
    article.title = "عنوان مسودة لم تنشر"
    article.save_revision()
    assert "عنوان مسودة لم تنشر" not in client.get(article.url).content.decode()
    article.get_latest_revision().publish()
    assert "عنوان مسودة لم تنشر" in client.get(article.url).content.decode()
