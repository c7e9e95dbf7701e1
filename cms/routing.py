"""Finding the site and the page of a request without walking the page tree each time.

Wagtail answers every page request by looking up the ``Site`` for the host (one
query) and then walking the tree from the site's root, one level per URL
segment, each level costing a query for the child and another for its specific
row: a lesson five levels deep cost eleven queries before its view ran. Signed-in
readers, whom the page cache never serves, paid that on every request.

This middleware remembers both answers under the page cache's *generation*
(``cms.cache``), which any publish, unpublish, move or delete of a page, and any
change of a site or locale, moves on at once on every node:

* the site for a host and port, in this process (a ``Site`` row is tiny and
  changes only with the generation);
* for a path of a site in a language, the page Wagtail's own routing reached (its
  specific instance, as read then) and how many URL segments it consumed. On a
  hit the page is unpickled from the cache, without a query, and asked to route
  the segments left (none for an ordinary page, the sub-path for a routable
  page), so a page's own ``route`` still decides: unpublished pages still raise
  404, routable pages still resolve their routes. Only what Wagtail's routing
  returned is stored, never a 404. Whatever a reader sees of the page row changes
  only by publishing, unpublishing, moving or deleting, which move the generation
  on; saving a draft, a lock or a comment (``cms.cache.PAGE_DRAFT_FIELDS``) does
  not, and the stored instance keeps the draft fields as they were, which no
  public template shows.

The view restrictions that apply to the page (its own and its ancestors', two
queries that Wagtail's ``on_serve_page`` hook runs on every page view) are
stored with the route: restrictions are part of the generation too.

Wagtail keeps both answers on the request (``_wagtail_site`` and
``_wagtail_route_for_request``); filling them in before its ``serve`` view runs
is all it takes. ``ROUTE_CACHE_SECONDS = 0`` turns it off.
"""

import copy
import functools
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import Http404
from django.utils.translation import get_language

from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from .cache import request_generation

# host, port → Site, for the generation in which they were read (one entry per host).
_sites: dict[tuple[str, int], tuple[int, Site | None]] = {}
# A wildcard in ALLOWED_HOSTS lets visitors name any number of hosts: forget them all
# rather than grow without end.
MAX_HOSTS = 64


def timeout() -> int:
    return int(getattr(settings, "ROUTE_CACHE_SECONDS", 0) or 0)


def site_for(request) -> Site | None:
    """``Site.find_for_request``, remembered in this process for the current generation."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    generation = request_generation(request)
    if generation is None:
        return Site.find_for_request(request)
    host = (request._get_raw_host(), request.get_port())
    remembered = _sites.get(host)
    if remembered is not None and remembered[0] == generation:
        site = copy.copy(remembered[1])  # each request gets its own instance and its own caches
    else:
        site = Site._find_for_request(request)
        if len(_sites) >= MAX_HOSTS:
            _sites.clear()
        _sites[host] = (generation, copy.copy(site))
    request._wagtail_site = site
    return site


def route_key(request, site: Site, path: str) -> str:
    address = f"{site.pk}|{get_language()}|{path}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"route3:{request_generation(request)}:{digest}"  # 3: the page itself


def route(request, path: str):
    """Wagtail's ``Page.route_for_request``, through the cache; None for a 404."""
    if hasattr(request, "_wagtail_route_for_request"):
        return request._wagtail_route_for_request
    site = site_for(request)
    if site is None or request_generation(request) is None:
        return Page.route_for_request(request, path)
    components = [component for component in path.split("/") if component]
    key = route_key(request, site, path)
    remembered = cache.get(key)
    if remembered is not None:
        page, consumed, restrictions = remembered
        try:
            result = page.route(request, components[consumed:])
        except Http404:
            result = None
        if result is not None and result[0].pk == page.pk:
            _remember_view_restrictions(result[0], restrictions)
        request._wagtail_route_for_request = result
        return result
    result = Page.route_for_request(request, path)
    if result is not None:
        page = result[0]
        consumed = page.depth - site.root_page.depth
        if 0 <= consumed <= len(components):
            restrictions = list(page.get_view_restrictions())
            cache.set(key, (page, consumed, restrictions), timeout())
            _remember_view_restrictions(page, restrictions)
    return result


def _remember_view_restrictions(page: Page, restrictions: list) -> None:
    """Let Wagtail's view-restriction check on this served instance read ``restrictions``.

    Only the instance this request serves is given the list; every other caller
    (the admin's privacy views) still queries.
    """
    page.get_view_restrictions = functools.partial(list, restrictions)


class RoutingCacheMiddleware:
    """Fills in Wagtail's site and route for page requests; see the module docstring."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if timeout() <= 0:
            return None
        site_for(request)
        if view_func is wagtail_views.serve:
            path = view_args[0] if view_args else view_kwargs.get("path", "")
            route(request, path)
        return None
