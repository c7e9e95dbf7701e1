from dataclasses import dataclass

from django import template
from django.conf import settings
from django.core.cache import cache
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

from wagtail.models import Page, Site

from cms.cache import request_generation
from cms.pages import localize_all

register = template.Library()
MENU_SECONDS = 3600


@dataclass(frozen=True)
class MenuItem:
    title: str
    url: str
    path: str  # the page's tree path, for in_section


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    current: bool
    bidi: bool


def _page_urls(page: Page, request) -> dict[str, str]:
    """URLs of the live translations of a page, keyed by language code.

    The same for every reader of a site, so kept in the shared cache under the page
    cache's generation (publishing, moving or deleting any page makes it stale at once).
    """
    site = Site.find_for_request(request)
    generation = request_generation(request)
    key = f"page-urls:{generation}:{getattr(site, 'pk', None)}:{page.translation_key}"
    urls = cache.get(key) if generation is not None else None
    if urls is None:
        urls = {}
        # Plain pages, not the specific type: a link needs the path, not the body.
        translations = Page.objects.filter(translation_key=page.translation_key).live()
        for translation in translations.select_related("locale").order_by("pk"):
            url = translation.get_url(request=request)
            if url:
                urls[translation.locale.language_code] = url
        if generation is not None:
            cache.set(key, urls, MENU_SECONDS)
    return urls


@register.simple_tag(takes_context=True)
def language_links(context) -> list[LanguageLink]:
    """Links to the same page in each language it exists in.

    For a Wagtail page, only languages with a live translation are offered;
    for other views every language is, at the same path.
    """
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    current = get_language()
    if isinstance(page, Page):
        urls = _page_urls(page, request)
    else:
        path = request.get_full_path()
        urls = {code: translate_url(path, code) for code, _ in settings.LANGUAGES}
    links = []
    for code, _ in settings.LANGUAGES:
        if code not in urls:
            continue
        info = get_language_info(code)
        links.append(
            LanguageLink(
                code=code,
                name=info["name_local"],
                url=urls[code],
                current=code == current,
                bidi=info["bidi"],
            )
        )
    return links


@register.simple_tag(takes_context=True)
def main_menu(context) -> list[MenuItem]:
    """The home page of the active language and its children shown in menus.

    The same for every reader of a site and language, so it is kept in the shared cache
    under the page cache's generation: any publish or move makes it stale at once.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    generation = request_generation(request)
    key = f"main-menu:{generation}:{site.pk}:{get_language()}"
    items = cache.get(key) if generation is not None else None
    if items is None:
        home = site.root_page.localized
        pages = [home, *home.get_children().live().public().in_menu().specific()]
        items = [MenuItem(page.title, page.get_url(request=request), page.path) for page in pages]
        if generation is not None:
            cache.set(key, items, MENU_SECONDS)
    return items


@register.filter
def absolute(url: str, request) -> str:
    """An absolute URL for ``url`` on the current host."""
    return request.build_absolute_uri(url) if request and url else url


@register.filter
def in_section(page, section: Page) -> bool:
    """True when ``page`` is ``section`` or one of its descendants."""
    return isinstance(page, Page) and bool(section.path) and page.path.startswith(section.path)


@register.simple_tag(takes_context=True)
def meta_description(context) -> str:
    """The page's search description, else its lead, else nothing."""
    page = context.get("page")
    return getattr(page, "search_description", "") or getattr(page, "lead", "") or ""


@register.filter
def localized_all(items) -> list:
    """``items`` (partners, pages) in the active language, in one query for them all."""
    return localize_all(items)


@register.filter
def get_item(mapping, key):
    """``mapping[key]`` in a template, or None."""
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.simple_tag(takes_context=True)
def unread_notifications(context) -> int:
    """The signed-in user's unread forum notifications (kept in the cache a minute)."""
    from community.notifications import unread_count

    request = context.get("request")
    return unread_count(request.user) if request is not None else 0
