"""Site search order, restrictions and pages: the same cases on SQLite and (in CI) PostgreSQL."""

from http import HTTPStatus

from django.db import connection

from wagtail.models import Locale, PageViewRestriction

import pytest

from cms.news.models import NewsIndexPage, NewsPage
from cms.search import site_search

WORD = "موازنة"
ON_POSTGRESQL = connection.vendor == "postgresql"


def publish_news(index, title, slug, lead="-"):
    page = index.add_child(instance=NewsPage(title=title, slug=slug, lead=lead))
    page.save_revision().publish()
    return page


@pytest.fixture
def ar(demo_site):
    return Locale.objects.get(language_code="ar")


@pytest.fixture
def news_index(ar):
    return NewsIndexPage.objects.get(locale=ar)


@pytest.mark.django_db
def test_pages_about_the_word_come_first(ar, news_index):
    aside = publish_news(news_index, "تقرير البلديات", "aside", lead=f"ذكر عابر {WORD} هنا")
    about = publish_news(
        news_index, f"{WORD} تشاركية", "about", lead=f"{WORD} {WORD} في كل بلدية: دليل {WORD}"
    )
    results = list(site_search(query=WORD, locale=ar))
    assert results.index(about) < results.index(aside)


@pytest.mark.django_db
@pytest.mark.skipif(
    not ON_POSTGRESQL,
    reason="SQLite's rank (FTS5's bm25) is the whole entry's: a title counts for no more there",
)
@pytest.mark.parametrize("typed", ["الادارة", "الإدارة", "الاداره"])
def test_a_title_holding_the_word_ranks_first_however_the_word_is_spelt(ar, news_index, typed):
    titled = publish_news(news_index, "الإدارة المحلية في الجنوب", "titled", lead="تقرير سنوي")
    mentioned = publish_news(news_index, "تقرير سنوي", "mentioned", lead="عن الإدارة المحلية")
    results = list(site_search(query=typed, locale=ar))
    assert results.index(titled) < results.index(mentioned)


@pytest.mark.django_db
def test_results_are_specific_live_public_pages_of_the_searched_types(ar, news_index):
    public = publish_news(news_index, f"{WORD} علنية", "public-budget")
    private_parent = publish_news(news_index, f"{WORD} خاصة", "private-budget")
    private_child = private_parent.add_child(
        instance=NewsPage(title=f"{WORD} تابعة", slug="private-child", lead="-")
    )
    private_child.save_revision().publish()
    PageViewRestriction.objects.create(
        page=private_parent, restriction_type=PageViewRestriction.PASSWORD, password="s3cret-pass"
    )
    draft = news_index.add_child(
        instance=NewsPage(title=f"{WORD} مسودة", slug="draft", lead="-", live=False)
    )
    draft.save_revision()
    # A news index is not one of the searched page types.
    news_index.title = f"أخبار ال{WORD}"
    news_index.save_revision().publish()

    results = list(site_search(query=WORD, locale=ar))

    assert public in results
    assert all(type(page) is NewsPage for page in results)
    for hidden in (private_parent, private_child, draft, news_index):
        assert hidden.pk not in {page.pk for page in results}


@pytest.mark.django_db
def test_pages_of_results_cover_every_match_once_in_rank_order(ar, news_index):
    for number in range(23):
        publish_news(
            news_index,
            f"{WORD} {number}",
            f"budget-{number}",
            lead=" ".join([WORD] * (number % 4)) or "-",
        )
    everything = list(site_search(query=WORD, locale=ar))
    assert len(everything) == site_search(query=WORD, locale=ar).count() >= 23

    pages = [
        list(site_search(query=WORD, locale=ar, page=number, per_page=10)[start : start + 10])
        for number, start in ((1, 0), (2, 10), (3, 20))
    ]
    assert [page for chunk in pages for page in chunk] == everything[:30]
    # The slice the hint was for, and another one, from the same results.
    results = site_search(query=WORD, locale=ar, page=2, per_page=10)
    assert results.count() == len(everything)
    assert list(results[10:20]) == everything[10:20]
    assert list(results[0:5]) == everything[0:5]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("page", "shown", "current"),
    [("2", 3, "2"), ("9", 3, "2"), ("abc", 10, "1"), ("0", 3, "2")],
)
def test_search_page_numbers(client, news_index, page, shown, current):
    for number in range(13):
        publish_news(news_index, f"{WORD} جديدة {number}", f"new-budget-{number}")
    response = client.get("/ar/search/", {"q": "موازنه جديده", "page": page})
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert html.count('class="search-results__type"') == shown
    assert response.context["results"].paginator.count == 13
    assert response.context["results"].number == int(current)


@pytest.mark.django_db
def test_search_of_separators_only_finds_nothing(client, demo_site):
    response = client.get("/ar/search/", {"q": "- -"})
    assert response.status_code == HTTPStatus.OK
    assert response.context["results"].paginator.count == 0


@pytest.mark.django_db
@pytest.mark.skipif(not ON_POSTGRESQL, reason="the GIN index is PostgreSQL's")
def test_matches_are_made_on_the_stored_document_its_gin_index_covers(ar, news_index):
    """The search must match on the stored ``title || body`` (cms/0002), which has a GIN
    index: matching on the expression made PostgreSQL read the whole index table and
    rebuild every entry's vector, a cost that grew with the site (scale 1: 18 ms)."""
    from django.test.utils import CaptureQueriesContext

    publish_news(news_index, f"{WORD} علنية", "indexed-budget")
    with CaptureQueriesContext(connection) as queries:
        assert len(site_search(query=WORD, locale=ar, page=1)[:10]) == 1
    [ranked] = [query["sql"] for query in queries.captured_queries if "ts_rank" in query["sql"]]
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + ranked)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'wagtailsearch_indexentry'"
        )
        indexes = [row[0] for row in cursor.fetchall()]
    assert "search_document @@" in plan and "title || body" not in plan, plan
    assert any("USING gin (search_document)" in index for index in indexes), indexes


@pytest.mark.django_db
@pytest.mark.skipif(not ON_POSTGRESQL, reason="prepared statements are PostgreSQL's")
def test_the_ranking_is_never_prepared_while_other_frequent_queries_are(ar, news_index):
    """The site has PostgreSQL keep each connection's frequent queries prepared, to save
    their planning (``DATABASE_PREPARE_THRESHOLD``); a prepared search would soon be ranked
    with a generic plan made without its words, twice as slow (see cms/search.py)."""
    publish_news(news_index, f"{WORD} مكررة", "repeated-budget")
    for _ in range(8):
        assert len(site_search(query=WORD, locale=ar, page=1)[:10]) == 1
        assert Locale.objects.filter(language_code="ar").exists()
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any("wagtailcore_locale" in statement for statement in prepared), prepared
    assert not [statement for statement in prepared if "ts_rank" in statement]
