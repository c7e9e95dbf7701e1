"""Whole-page caching of public Wagtail pages for anonymous visitors.

A page is rendered once and then served from the shared cache (Redis in
production) without touching the database, until content changes. Every change
that public pages can show (a page published, unpublished, moved or deleted, a
partner, municipality, image or category edited, a course run or its seat count
changed) bumps one *generation* counter in the cache; the generation is part of
every page's key, so the next request after a change renders afresh on every
node. Old entries are never read again and expire on their own.

Only what every anonymous visitor would get is stored: a 200 ``text/html``
response to a GET without cookies of its own, for a page type listed in
``PAGE_CACHE_PAGE_TYPES`` or a view that calls :func:`allow` (site search),
rendered for a request that carried neither a session nor pending messages, with
no CSRF token in its body. Signed-in users are never
served from the cache and never fill it. ``PAGE_CACHE_SECONDS = 0`` turns it off.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.translation import get_language_from_path

from wagtail.models import Page
from wagtail.models.pages import COMMENTS_RELATION_NAME

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"

# Models whose rows public pages show besides the pages themselves.
WATCHED_MODELS = {
    "partners.partner",
    "municipalities.municipality",
    "courses.coursecategory",
    "courses.courserun",
    "wagtailimages.image",
    "wagtaildocs.document",
    "taggit.tag",
    "wagtailcore.site",
    "wagtailcore.locale",
    "wagtailcore.pageviewrestriction",
}
# Enrolments change the seats a course page shows only when their status does;
# progress updates (the most frequent writes of the site) leave the pages alone.
ENROLLMENT_MODEL = "courses.enrollment"

# What saving a draft revision, a lock or a comment writes on a page row: nothing a visitor
# sees (publishing, unpublishing and moving send their own signals). An editor's autosave
# every half second must not empty the cache of the whole site.
PAGE_DRAFT_FIELDS = frozenset(
    {
        COMMENTS_RELATION_NAME,
        "latest_revision_created_at",
        "draft_title",
        "latest_revision",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
    }
)

# Marks the request of a page whose type may be cached (set by the serve hook).
CACHEABLE_ATTR = "_page_cache_allowed"
CSRF_FIELD = b'name="csrfmiddlewaretoken"'


def timeout() -> int:
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 0) or 0)


def generation() -> int:
    """The current content generation, shared by every node through the cache."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        # A lost counter restarts from the clock, never below a value it had reached,
        # so no entry written before the loss can be read again. In microseconds: a
        # bump is a cache round trip, slower than that, while bumps can come faster
        # than once a millisecond (each save bumps twice, many saves come together),
        # and a restart in milliseconds could land on a value already used.
        cache.add(GENERATION_KEY, time.time_ns() // 1_000, timeout=None)
        value = cache.get(GENERATION_KEY)
    return int(value)


REQUEST_GENERATION_ATTR = "_markaz_generation"


def request_generation(request) -> int | None:
    """The generation, read once per request (page cache, route cache, menu).

    None when the cache cannot answer: callers then do without it.
    """
    if not hasattr(request, REQUEST_GENERATION_ATTR):
        try:
            value = generation()
        except Exception:  # the cache is down
            logger.warning("page cache: the cache does not answer", exc_info=True)
            value = None
        setattr(request, REQUEST_GENERATION_ATTR, value)
    return getattr(request, REQUEST_GENERATION_ATTR)


def bump() -> None:
    """Make every cached page stale, on every node."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no counter yet (or evicted): start one
        generation()


def _bump_after_commit() -> None:
    bump()


def content_changed() -> None:
    """Called on any change public pages show.

    Bumps now, and again once the surrounding transaction commits: a page rendered
    by another request between the first bump and the commit read the old rows, and
    the second bump keeps it from being served.
    """
    bump()
    connection = transaction.get_connection()
    if connection.in_atomic_block and not any(
        entry[1] is _bump_after_commit for entry in connection.run_on_commit
    ):
        transaction.on_commit(_bump_after_commit)


# --- Receivers (connected in CmsConfig.ready) ---------------------------------------


def on_page_event(sender, **kwargs) -> None:
    """page_published, page_unpublished, post_page_move, published, unpublished."""
    content_changed()


def on_model_saved(sender, instance, created=False, update_fields=None, **kwargs) -> None:
    label = sender._meta.label_lower
    if label == ENROLLMENT_MODEL:
        if created or update_fields is None or "status" in update_fields:
            content_changed()
    elif isinstance(instance, Page):
        if update_fields is None or not set(update_fields) <= PAGE_DRAFT_FIELDS:
            content_changed()
    elif label in WATCHED_MODELS:
        content_changed()


def on_model_deleted(sender, instance, **kwargs) -> None:
    label = sender._meta.label_lower
    if label in WATCHED_MODELS or label == ENROLLMENT_MODEL or isinstance(instance, Page):
        content_changed()


def on_m2m_changed(sender, instance, action, **kwargs) -> None:
    if action.startswith("post_") and (
        isinstance(instance, Page) or instance._meta.label_lower in WATCHED_MODELS
    ):
        content_changed()


def allow(request) -> None:
    """Let this request's response be stored, if it is one every visitor would get."""
    setattr(request, CACHEABLE_ATTR, True)


def mark_cacheable_page(page, request, serve_args, serve_kwargs) -> None:
    """Wagtail's before_serve_page hook: note that this page type may be cached."""
    if page._meta.label in settings.PAGE_CACHE_PAGE_TYPES:
        allow(request)


# --- Middleware -------------------------------------------------------------------------


def _eligible(request) -> bool:
    """Could this request be answered from the shared cache? Decided without a query."""
    if request.method != "GET" or timeout() <= 0:
        return False
    # Any session may be a signed-in user's (or carry messages): leave it alone.
    if settings.SESSION_COOKIE_NAME in request.COOKIES or CookieStorage.cookie_name in (
        request.COOKIES
    ):
        return False
    return get_language_from_path(request.path_info) is not None


def cache_key(request, language: str, generation_: int) -> str:
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}|{language}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"page-cache:{generation_}:{digest}"


def _storable(request, response) -> bool:
    if not getattr(request, CACHEABLE_ATTR, False):
        return False
    if response.status_code != 200 or response.streaming:
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    # Set-Cookie: a session, a CSRF cookie, messages or a language choice of this visitor.
    if response.cookies:
        return False
    cache_control = response.get("Cache-Control", "")
    if any(word in cache_control for word in ("private", "no-cache", "no-store")):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    storage = getattr(request, "_messages", None)
    if storage is not None and len(storage):  # messages shown (or left) on this page
        return False
    return CSRF_FIELD not in response.content


class PageCacheMiddleware:
    """Serves and stores anonymous page views; see the module docstring.

    Sits near the top of MIDDLEWARE (inside the security and CSP middleware, which
    add their headers to hits and misses alike) so that a hit costs no query, and so
    that it sees the cookies the inner middleware set before deciding to store.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = None
        if _eligible(request) and (generation_ := request_generation(request)) is not None:
            language = get_language_from_path(request.path_info)
            key = cache_key(request, language, generation_)
            cached = cache.get(key)
            if cached is not None:
                return self._rebuild(cached)
        response = self.get_response(request)
        if request.method == "GET" and response.get("Content-Type", "").startswith("text/html"):
            response["X-Cache"] = "MISS"
            if key is not None and _storable(request, response):
                headers = [(name, value) for name, value in response.items() if name != "X-Cache"]
                cache.set(key, (response.status_code, headers, response.content), timeout())
        return response

    @staticmethod
    def _rebuild(cached) -> HttpResponse:
        status, headers, content = cached
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response["X-Cache"] = "HIT"
        return response
