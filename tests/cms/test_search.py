"""Arabic-aware site search: the same cases on SQLite and (in CI) PostgreSQL."""

from http import HTTPStatus

from django.utils.html import escape

from wagtail.models import Locale, Page, get_page_models
from wagtail.search import index

import pytest

from cms.news.models import NewsIndexPage, NewsPage
from cms.pages import FoldedTitleField
from cms.search import searchable_page_types, site_search
from cms.text import normalise_arabic


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("الإدارة", "الادارة"),  # hamza below
        ("أمانة", "امانه"),  # hamza above and taa marbuta
        ("آفاق", "افاق"),  # madda
        ("مستوى", "مستوي"),  # alef maqsura
        ("البلديَّةُ", "البلدية"),  # diacritics
        ("الـــلامركزية", "اللامركزية"),  # tatweel
        ("٢٠٢٢", "2022"),  # Arabic-Indic digits
        ("  Gouvernance   Locale ", "gouvernance locale"),
    ],
)
def test_normalisation_folds_variants(written, typed):
    assert normalise_arabic(written) == normalise_arabic(typed)


def test_normalisation_keeps_different_words_apart():
    assert normalise_arabic("بلدية") != normalise_arabic("بلدي")
    assert normalise_arabic("") == ""


@pytest.fixture
def article(db, demo_site):
    index = NewsIndexPage.objects.get(locale__language_code="ar")
    page = index.add_child(
        instance=NewsPage(
            title="تطوير الإدارة المحليّة",
            slug="search-case",
            lead="أمانة البلدية تعرض آفاق التعاون على مستوى الـــمنطقة",
        )
    )
    page.save_revision().publish()
    return page


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ["الادارة", "الإدارة", "المحلية", "امانه البلديه", "افاق", "مستوي", "المنطقة", "الإدارةُ"],
)
def test_search_finds_arabic_spelling_variants(article, query):
    results = list(site_search(query=query, locale=Locale.objects.get(language_code="ar")))
    assert article in results


@pytest.mark.django_db
def test_search_needs_every_word(article):
    ar = Locale.objects.get(language_code="ar")
    assert article not in list(site_search(query="الادارة غدامس", locale=ar))


@pytest.mark.django_db
def test_search_stays_in_the_language_and_skips_drafts(article):
    en = Locale.objects.get(language_code="en")
    assert article not in list(site_search(query="الادارة", locale=en))
    article.unpublish()
    ar = Locale.objects.get(language_code="ar")
    assert article not in list(site_search(query="الادارة", locale=ar))


@pytest.mark.django_db
def test_search_page_in_each_language(client, demo_site):
    response = client.get("/ar/search/", {"q": "غدامس"})
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    ghadames = NewsPage.objects.get(
        slug="ghadames-tinley-park-conference", locale__language_code="ar"
    )
    assert escape(ghadames.title) in html

    html = client.get("/fr/search/", {"q": "Ghadamès"}).content.decode()
    french = ghadames.get_translation(Locale.objects.get(language_code="fr"))
    assert escape(french.title) in html
    assert escape(ghadames.title) not in html

    html = client.get("/en/search/", {"q": "zzzznothing"}).content.decode()
    assert "0 results" in html


@pytest.mark.django_db
def test_search_results_are_paginated(client, demo_site):
    index = NewsIndexPage.objects.get(locale__language_code="ar")
    for number in range(13):
        index.add_child(
            instance=NewsPage(title=f"موازنة تشاركية {number}", slug=f"budget-{number}", lead="-")
        ).save_revision().publish()
    first = client.get("/ar/search/", {"q": "موازنه"}).content.decode()
    second = client.get("/ar/search/", {"q": "موازنه", "page": 2}).content.decode()
    assert first.count('class="search-results__type"') == 10
    assert second.count('class="search-results__type"') == 3
    assert "q=موازنه&amp;page=2" in first


def test_every_page_model_indexes_each_of_pages_own_fields():
    """What Wagtail's check wagtailsearch.W001 asked, which the settings silence: each
    page model indexes each of Page's search fields, the title possibly folded."""

    def kind(field):
        folded = type(field) is FoldedTitleField
        return (index.SearchField if folded else type(field)), field.field_name

    core = {kind(field) for field in Page.search_fields}
    for model in get_page_models():
        if model.search_fields:
            assert core <= {kind(field) for field in model.search_fields}, model
    for model in searchable_page_types():
        assert any(type(field) is FoldedTitleField for field in model.search_fields), model
