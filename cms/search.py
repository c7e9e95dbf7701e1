"""Site search: one query over news, events, programmes and pages, in one language.

Both the indexed text (``SearchableMixin.search_text``) and the query go
through :func:`cms.text.normalise_arabic`, so spelling variants of the same
Arabic word meet on both backends (SQLite FTS5 here, PostgreSQL full-text in
production).
"""

from wagtail.models import Locale, Page

from .text import normalise_arabic

MAX_QUERY_LENGTH = 200


def searchable_page_types() -> tuple[type[Page], ...]:
    from cms.events.models import EventPage
    from cms.news.models import NewsPage
    from cms.programmes.models import ProgrammePage
    from cms.standard.models import StandardPage
    from courses.models import CoursePage

    return (NewsPage, EventPage, ProgrammePage, StandardPage, CoursePage)


def site_search(*, query: str, locale: Locale):
    """Live public pages of ``locale`` matching every word of ``query``, best first."""
    folded = normalise_arabic(query[:MAX_QUERY_LENGTH])
    if not folded:
        return Page.objects.none()
    pages = (
        Page.objects.live().public().type(*searchable_page_types()).filter(locale=locale).specific()
    )
    return pages.search(folded, operator="and")
