"""Bulk inserts: plain rows in large batches, and Wagtail pages without one save each.

``Page.add_child`` costs about 100 ms a page here (tree lock, full_clean, search
and reference index signals, a log entry), several minutes for the scale data's
few thousand pages. Pages are a treebeard materialised path (``path``, ``depth``,
``numchild``) plus Wagtail's ``url_path``, so :class:`PageTree` computes those
itself and inserts the base rows (``wagtailcore_page``) and then the specific rows
(multi-table inheritance, which ``bulk_create`` refuses) in batches. The pages are
live, published, without revisions, and not in the search index until
:func:`index_pages` adds them.
"""

from collections import defaultdict
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models
from django.db.models import F, Q
from django.db.models.deletion import ProtectedError, get_candidate_relations_to_delete
from django.db.models.functions import Greatest

from wagtail.models import Page, ReferenceIndex, Revision, WorkflowState
from wagtail.search.backends import get_search_backends
from wagtail.search.models import IndexEntry

BATCH = 5000


def insert(model, objs: list, *, returning: bool = False) -> None:
    """INSERT ``objs`` as they are, in batches; with ``returning``, set their new keys.

    A raw insert (like loading a fixture): values given for ``auto_now`` fields are
    kept, so the rows can carry dates spread over the past instead of today's.
    """
    if not objs:
        return
    meta = model._meta
    # The database numbers auto keys; UUID keys and page_ptr come with the objects.
    fields = [field for field in meta.local_concrete_fields if field is not meta.auto_field]
    size = max(1, min(BATCH, connection.ops.bulk_batch_size(fields, objs)))
    manager = model._base_manager
    for start in range(0, len(objs), size):
        batch = objs[start : start + size]
        rows = manager._insert(
            batch,
            fields=fields,
            returning_fields=[meta.pk] if returning else None,
            raw=True,
            using=connection.alias,
        )
        if returning:
            for obj, row in zip(batch, rows, strict=True):
                setattr(obj, meta.pk.attname, row[0])
        for obj in batch:
            obj._state.adding = False
            obj._state.db = connection.alias


class PageTree:
    """Pages to add under existing parents (or under each other), inserted in one go.

    ``add`` gives each page its place in the tree at once, so children of a page
    added a moment ago can follow; ``save`` writes them all.
    """

    def __init__(self, *, published_at):
        self.published_at = published_at
        self.pages: list[Page] = []
        self.next_step: dict[str, int] = {}
        self.added_under: dict[int, int] = defaultdict(int)  # existing parent pk → children

    def _step(self, parent: Page) -> int:
        if parent.path not in self.next_step:
            last = (
                Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
                .order_by("-path")
                .values_list("path", flat=True)
                .first()
            )
            self.next_step[parent.path] = Page._str2int(last[-Page.steplen :]) + 1 if last else 1
        step = self.next_step[parent.path]
        self.next_step[parent.path] = step + 1
        return step

    def add(self, parent: Page, page: Page, *, published_at=None) -> Page:
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, self._step(parent))
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.locale_id = parent.locale_id
        page.content_type = ContentType.objects.get_for_model(page)
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = published_at or self.published_at
        self.next_step[page.path] = 1  # a new page has no children in the database
        if parent._state.adding:
            parent.numchild += 1
        else:
            self.added_under[parent.pk] += 1
        self.pages.append(page)
        return page

    def save(self) -> list[Page]:
        # Base rows first (their ids are the specific rows' keys), then one model at a time.
        insert(Page, self.pages, returning=True)
        by_model: dict[type, list[Page]] = defaultdict(list)
        for page in self.pages:
            page.page_ptr_id = page.id
            by_model[type(page)].append(page)
        for model, pages in by_model.items():
            insert(model, pages)
        for pk, count in self.added_under.items():
            Page.objects.filter(pk=pk).update(numchild=F("numchild") + count)
        saved, self.pages, self.added_under = self.pages, [], defaultdict(int)
        return saved


def index_pages(pages: Iterable[Page]) -> None:
    """Add pages to the site search index, one bulk call per page type."""
    by_model: dict[type, list[Page]] = defaultdict(list)
    for page in pages:
        by_model[type(page)].append(page)
    for backend in get_search_backends(with_auto_update=True):
        for model, objs in by_model.items():
            backend.add_bulk(model, objs)


def delete_rows(queryset) -> int:
    """Delete a queryset's rows without loading them, one query per relation.

    Rows of other tables that point at them are treated as the ORM would (cascade,
    set null, protect), but a whole relation at a time instead of object by object.
    Multi-table children (``parent_link``) are the caller's to delete first.
    """
    for relation in get_candidate_relations_to_delete(queryset.model._meta):
        field = relation.field
        if field.remote_field.parent_link:
            continue
        related = relation.related_model._base_manager.filter(**{f"{field.name}__in": queryset})
        on_delete = field.remote_field.on_delete
        if on_delete is models.CASCADE:
            related.delete()
        elif on_delete is models.SET_NULL:
            related.update(**{field.name: None})
        elif on_delete in (models.PROTECT, models.RESTRICT) and related.exists():
            raise ProtectedError(f"{relation.related_model.__name__} rows refer to them", set())
        elif on_delete not in (models.DO_NOTHING, models.PROTECT, models.RESTRICT):
            related.delete()
    return queryset._raw_delete(queryset.db)


def delete_pages(tops) -> int:
    """Delete pages with their subtrees, without Wagtail's per-page delete signals.

    ``Page.delete`` costs about 0.25 s a page here (search index, reference index and
    wagtail-localize clean-up, each a few queries a page); this does the same clean-up
    for all the pages at once. Returns the number of pages deleted.
    """
    paths: set[str] = set()
    for path in tops.order_by("path").values_list("path", flat=True):
        if not any(path[:end] in paths for end in range(Page.steplen, len(path), Page.steplen)):
            paths.add(path)  # not under a page already taken
    under = Q()
    for parent in {path[: -Page.steplen] for path in paths}:
        under |= Q(path__startswith=parent)
    pages = [
        (pk, path, content_type)
        for pk, path, content_type in Page.objects.filter(under).values_list(
            "pk", "path", "content_type_id"
        )
        if any(path[:end] in paths for end in range(Page.steplen, len(path) + 1, Page.steplen))
    ]
    ids = [pk for pk, _path, _type in pages]
    if not ids:
        return 0
    object_ids = [str(pk) for pk in ids]
    page_type = ContentType.objects.get_for_model(Page)
    IndexEntry.objects.filter(
        content_type_id__in={t for _pk, _path, t in pages} | {page_type.pk},
        object_id__in=object_ids,
    ).delete()
    ReferenceIndex.objects.filter(
        Q(base_content_type=page_type, object_id__in=object_ids)
        | Q(to_content_type=page_type, to_object_id__in=object_ids)
    ).delete()
    WorkflowState.objects.filter(base_content_type=page_type, object_id__in=object_ids).delete()
    Page.objects.filter(pk__in=ids).update(latest_revision=None, live_revision=None)
    Revision.objects.filter(base_content_type=page_type, object_id__in=object_ids).delete()
    # The specific rows first (deepest subclass first), then the pages themselves.
    models_ = {ContentType.objects.get_for_id(t).model_class() for _pk, _path, t in pages}
    for model in sorted(models_ - {Page}, key=lambda m: -len(m._meta.get_parent_list())):
        delete_rows(model._base_manager.filter(pk__in=ids))
    delete_rows(Page._base_manager.filter(pk__in=ids))
    lost: dict[str, int] = defaultdict(int)
    for path in paths:
        lost[path[: -Page.steplen]] += 1
    for parent, count in lost.items():
        Page.objects.filter(path=parent).update(numchild=Greatest(F("numchild") - count, 0))
    return len(ids)
