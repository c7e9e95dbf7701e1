from http import HTTPStatus

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from wagtail.models import Locale

from . import cache as page_cache
from .health import run_checks
from .pages import paginate
from .search import site_search


@never_cache
@require_GET
def healthz(request):
    healthy, checks = run_checks()
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": checks},
        status=HTTPStatus.OK if healthy else HTTPStatus.SERVICE_UNAVAILABLE,
    )


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/accounts/",
        f"Disallow: {reverse('healthz')}",
        "Disallow: /*/search/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


SEARCH_PAGE_SIZE = 10


@require_GET
def search(request):
    query = request.GET.get("q", "").strip()
    # Results hold only live public pages, the same for every visitor, and every
    # change to them (publishing, unpublishing, moving) starts a new cache generation.
    page_cache.allow(request)
    locale = Locale.objects.get(language_code=get_language())
    results = None
    if query:
        # The page number lets PostgreSQL count and fetch that page in one query.
        page = request.GET.get("page")
        results = site_search(query=query, locale=locale, page=page, per_page=SEARCH_PAGE_SIZE)
    return render(
        request,
        "cms/search.html",
        {
            "query": query,
            "results": paginate(request, results, SEARCH_PAGE_SIZE)
            if results is not None
            else None,
            "query_string": f"q={query}" if query else "",
        },
    )
