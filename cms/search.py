"""Site search: one query over news, events, programmes and pages, in one language.

Both the indexed text (``SearchableMixin.search_text``) and the query go
through :func:`cms.text.normalise_arabic`, so spelling variants of the same
Arabic word meet on both backends (SQLite FTS5 here, PostgreSQL full-text in
production).

On PostgreSQL the search runs over Wagtail's index table directly
(:class:`RankedSearch`): the match uses the GIN index on the stored
``title || body`` that ``cms/migrations/0002_search_document_column.py`` adds,
only the matching rows are ranked, and the count does no ranking at all. The match and the rank
are the ones Wagtail's database backend would use, so the results and their
order are the same; it only avoids Wagtail's query shape, which rebuilds
``title || body`` for every row of the index and sends it back with each result.
"""

import contextlib

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import EmptyResultSet
from django.db import connections, router
from django.db.models import CharField, F, IntegerField
from django.db.models.expressions import Expression
from django.db.models.functions import Cast

from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from .text import normalise_arabic

MAX_QUERY_LENGTH = 200


def searchable_page_types() -> tuple[type[Page], ...]:
    from cms.events.models import EventPage
    from cms.news.models import NewsPage
    from cms.programmes.models import ProgrammePage
    from cms.standard.models import StandardPage
    from courses.models import CoursePage

    return (NewsPage, EventPage, ProgrammePage, StandardPage, CoursePage)


def site_search(*, query: str, locale: Locale, page=None, per_page: int = 10):
    """Live public pages of ``locale`` matching every word of ``query``, best first.

    The result can be counted (``count()``), sliced and iterated, which is what
    a ``Paginator`` needs; items are specific pages. ``page`` (a page number, as
    in ``?page=``) and ``per_page`` say which slice will be shown, so that on
    PostgreSQL that slice and the count come in one query.
    """
    folded = normalise_arabic(query[:MAX_QUERY_LENGTH])
    if not folded:
        return Page.objects.none()
    pages = Page.objects.live().public().type(*searchable_page_types()).filter(locale=locale)
    backend = get_search_backend()
    if _uses_postgres_index(backend):
        return RankedSearch(pages, folded, backend, hint=_page_slice(page, per_page))
    return pages.specific().search(folded, operator="and")


def _page_slice(page, per_page: int) -> tuple[int, int] | None:
    try:
        number = int(page or 1)
    except (TypeError, ValueError):
        number = 1  # what cms.pages.paginate shows for a page number that is not one
    if number < 1:
        return None
    return (number - 1) * per_page, number * per_page


def _uses_postgres_index(backend) -> bool:
    if connections[router.db_for_read(IndexEntry)].vendor != "postgresql":
        return False
    from wagtail.search.backends.database.postgres.postgres import PostgresSearchBackend

    return isinstance(backend, PostgresSearchBackend)


class StoredDocument(Expression):
    """The index entry's stored ``title || body``, which the GIN index covers (cms/0002)."""

    output_field = SearchVectorField()

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(IndexEntry._meta.db_table)
        return f"{table}.{connection.ops.quote_name('search_document')}", []


class RankedSearch:
    """Pages of ``pages`` whose index entry matches every word, best first (PostgreSQL).

    The query runs over ``wagtailsearch_indexentry``: the GIN index finds the
    matching entries, a semi-join keeps those of ``pages``, and only they are
    ranked. ``count()`` counts them without ranking; slicing returns the
    requested specific pages, with one more query per page type among them.
    With a ``page`` hint (:func:`site_search`), the count comes with that page
    of results in the same query, so showing a page of results is one query.
    """

    def __init__(self, pages, query: str, backend, *, hint: tuple[int, int] | None = None):
        config = backend.config
        compiler = backend.query_compiler_class(pages, query, operator="and")
        tsquery = compiler.build_tsquery(compiler.query, config=config)
        self._count = None
        self._hint = hint
        self._prefetched: tuple[int, list] | None = None
        if tsquery is None:  # nothing but separators
            self._entries = None
            return
        # Wagtail's own relevance (PostgresSearchQueryCompiler.get_index_vectors):
        # ts_rank of the title times its length norm, plus ts_rank of the body.
        self._rank = None
        for vector, boost in ((F("title"), F("title_norm")), (F("body"), 1.0)):
            term = compiler.build_tsrank(vector, compiler.query, config=config) * boost
            self._rank = term if self._rank is None else self._rank + term
        page_ids = pages.annotate(search_object_id=Cast("pk", CharField(max_length=50)))
        document = StoredDocument()
        self._entries = (
            IndexEntry.objects.filter(
                content_type_id__in=_content_type_ids(searchable_page_types()),
                object_id__in=page_ids.values("search_object_id"),
            )
            .alias(search_document=document)
            .filter(search_document=tsquery)
        )

    def count(self) -> int:
        if self._count is None:
            if self._entries is None:
                self._count = 0
            elif self._hint is not None and self._prefetched is None:
                start, stop = self._hint
                rows, total = self._ranked(start, stop, with_total=True)
                if rows:
                    self._prefetched = (start, _specific_pages(rows))
                    self._count = total
                else:  # past the last page
                    self._count = self._entries.count()
            else:
                self._count = self._entries.count()
        return self._count

    def __len__(self) -> int:
        return self.count()

    def __iter__(self):
        return iter(self[:])

    def __getitem__(self, key):
        if isinstance(key, int):
            found = self[key : key + 1] if key >= 0 else []
            if not found:
                raise IndexError("search result index out of range")
            return found[0]
        if not isinstance(key, slice) or key.step not in (None, 1):
            raise TypeError("search results take an index or a slice without a step")
        start = key.start or 0
        stop = self.count() if key.stop is None else key.stop
        if start < 0 or stop < 0:
            raise ValueError("search results take no negative indexes")
        if self._entries is None or stop <= start:
            return []
        if self._prefetched is not None:
            first, pages = self._prefetched
            if first == start and stop - start <= len(pages):
                return pages[: stop - start]
        rows, _total = self._ranked(start, stop)
        return _specific_pages(rows)

    def _ranked(self, start: int, stop: int, *, with_total: bool = False):
        """``(page id, content type id)`` of matches ``start`` to ``stop``, and the total."""
        matches = self._entries.annotate(
            search_rank=self._rank, search_page_id=Cast("object_id", IntegerField())
        ).values_list("search_page_id", "content_type_id", "search_rank")
        try:
            sql, params = matches.query.sql_with_params()
        except EmptyResultSet:
            return [], 0
        # The ranks are computed in the subquery (OFFSET 0 keeps it apart), so
        # the window count and the sort carry three numbers a row, not vectors.
        total = "COUNT(*) OVER ()" if with_total else "NULL"
        connection = connections[self._entries.db]
        # `sql` is Django's compiled query, with every value in `params`.
        statement = (
            f"SELECT search_page_id, content_type_id, {total} FROM ({sql} OFFSET 0) AS matches"  # noqa: S608
            " ORDER BY search_rank DESC, search_page_id DESC LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor, _planned_for_its_values(connection):
            cursor.execute(statement, (*params, stop - start, start))
            rows = cursor.fetchall()
        return [(pk, content_type_id) for pk, content_type_id, _ in rows], (
            rows[0][2] if rows else 0
        )


@contextlib.contextmanager
def _planned_for_its_values(connection):
    """Run a statement unprepared, so PostgreSQL plans it for the words searched.

    The site has PostgreSQL keep each connection's frequent queries prepared
    (``DATABASE_PREPARE_THRESHOLD``). A prepared search soon gets a generic plan, made
    without knowing the words, and ranks with it: signed-in search took 66.9 ms instead
    of 34.6 when the 8th session tried it. Planning is a small part of a search.
    """
    raw = connection.connection
    threshold = getattr(raw, "prepare_threshold", None)
    if threshold is None:  # not psycopg's, or nothing is prepared anyway
        yield
        return
    raw.prepare_threshold = None
    try:
        yield
    finally:
        raw.prepare_threshold = threshold


def _content_type_ids(models) -> list[int]:
    """Content types of ``models`` and of their subclasses, as ``PageQuerySet.type()`` has them."""
    from wagtail.models import get_page_models

    subclasses = [model for model in get_page_models() if issubclass(model, models)]
    return [
        content_type.pk for content_type in ContentType.objects.get_for_models(*subclasses).values()
    ]


def _specific_pages(rows: list[tuple[int, int]]) -> list[Page]:
    """The specific page of each ``(pk, content_type_id)``, in the same order."""
    by_type: dict[int, list[int]] = {}
    for pk, content_type_id in rows:
        by_type.setdefault(content_type_id, []).append(pk)
    found = {}
    for content_type_id, pks in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class() or Page
        found.update(model.objects.filter(pk__in=pks).defer_streamfields().in_bulk())
    return [found[pk] for pk, _ in rows if pk in found]
