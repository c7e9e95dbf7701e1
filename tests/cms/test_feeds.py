"""RSS and Atom feeds of news, per language."""

import xml.etree.ElementTree as ET
from http import HTTPStatus

import pytest

from cms.news.models import NewsPage

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_rss_feed_lists_the_news_of_its_language(client, demo_site, language):
    response = client.get(f"/{language}/news/feed/")
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("language") == language
    titles = [item.findtext("title") for item in channel.findall("item")]
    expected = NewsPage.objects.live().filter(locale__language_code=language).order_by("-date")
    assert titles == [page.title for page in expected]
    first = channel.find("item")
    assert first.findtext("link").startswith(f"http://testserver/{language}/news/")
    assert first.findtext("pubDate")


def test_atom_feed_is_valid(client, demo_site):
    response = client.get("/ar/news/feed/atom/")
    assert response.status_code == HTTPStatus.OK
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == NewsPage.objects.live().filter(locale__language_code="ar").count()
    assert all(entry.find(f"{ATOM}updated") is not None for entry in entries)


def test_news_index_advertises_its_feeds(client, demo_site):
    html = client.get("/en/news/").content.decode()
    assert 'type="application/rss+xml"' in html
    assert 'href="/en/news/feed/"' in html
