"""What every content page shares: Arabic-normalised search text, a lead, a social image."""

import time

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import RichTextField
from wagtail.models import Locale, Page
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from .text import normalise_arabic


class FoldedTitleField(index.SearchField):
    """The title, folded as the site search folds its query, in the index's title column.

    Wagtail ranks a match in the title above one in the body. With the title indexed as
    written, «الادارة» typed without its hamza matched «الإدارة» only in the (folded) body,
    and a page titled with the word ranked no higher than one that mentions it once. The
    admin's page search goes through the autocomplete field, which keeps the title as
    written. Changing this needs ``manage.py update_index`` on an existing index.
    """

    def get_value(self, obj):
        return normalise_arabic(obj.title or "")


def _with_folded_title(fields: list) -> list:
    return [
        FoldedTitleField("title", boost=field.boost)
        if type(field) is index.SearchField and field.field_name == "title"
        else field
        for field in fields
    ]


class SearchableMixin:
    """Adds ``search_text``: the page's words folded by :func:`normalise_arabic`.

    The site search folds the query the same way, so «الادارة» finds «الإدارة»
    on SQLite (Wagtail's database backend) and PostgreSQL full-text alike.
    """

    search_fields = [
        *_with_folded_title(Page.search_fields),
        index.SearchField("search_text"),
        index.FilterField("locale"),
    ]

    def search_text_parts(self) -> list[str]:
        return [self.title, self.search_description]

    @property
    def social_image(self):
        """The image shared with links to the page (OpenGraph); its main image by default."""
        return getattr(self, "image", None)

    def search_text(self) -> str:
        return normalise_arabic(" ".join(part for part in self.search_text_parts() if part))

    def language_alternates(self, request=None) -> dict[str, str]:
        """Full URLs of this page's live translations, keyed by language code."""
        alternates = {}
        for page in self.get_translations(inclusive=True).live().public().select_related("locale"):
            url = page.get_full_url(request)
            if url:
                alternates[page.locale.language_code] = url
        return alternates

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        alternates = self.language_alternates(request)
        if len(alternates) > 1:
            for url in urls:
                url["alternates"] = [
                    {"lang_code": code, "location": location}
                    for code, location in alternates.items()
                ]
        return urls


# The translated fields every content page has, before its own.
PAGE_TRANSLATABLE_FIELDS = [
    TranslatableField("title"),
    TranslatableField("slug"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
]


class IndexPage(SearchableMixin, Page):
    """A listing page (news, events, programmes, courses): a title and an introduction."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True


class CountedPaginator(Paginator):
    """A paginator told its count, and that reads later pages from the end.

    ``count`` is the number of items when the caller keeps it (a forum topic's reply
    count) instead of counting them on every page. With ``from_end``, a page in the
    second half is read backwards from the last item, so the last page (where a reply
    takes its author) skips as few rows as the first. ``items`` must be ordered
    completely (no ties) for its reverse to be the same sequence backwards.
    """

    def __init__(self, items, per_page, *, count=None, from_end=False):
        super().__init__(items, per_page)
        if count is not None:
            self.count = count  # in place of the cached property's COUNT query
        self.from_end = from_end

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        if not self.from_end or bottom <= self.count - top:
            return self._get_page(self.object_list[bottom:top], number, self)
        backwards = self.object_list.reverse()[self.count - top : self.count - bottom]
        return self._get_page(list(backwards)[::-1], number, self)


def paginate(request, items, per_page: int = 10, *, count=None, from_end=False):
    """The requested page of ``items``; out-of-range numbers give the nearest page.

    ``page=last`` asks for the last page. ``count`` and ``from_end``: see
    :class:`CountedPaginator`.
    """
    paginator = CountedPaginator(items, per_page, count=count, from_end=from_end)
    number = request.GET.get("page", 1)
    if number == "last":
        number = paginator.num_pages
    try:
        return paginator.page(number)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


# Language code → (Locale, when read). Locales are made once, at setup, and a code's row
# never changes: each process remembers them a few minutes instead of asking on every
# page, and forgets them all when one is saved or deleted (``forget_locales``).
_locales: dict[str, tuple[Locale, float]] = {}
LOCALE_SECONDS = 300


def locale_for(language_code: str) -> Locale:
    """``Locale.get_for_language`` remembered in this process."""
    code = get_supported_content_language_variant(language_code)
    remembered = _locales.get(code)
    if remembered is not None and time.monotonic() - remembered[1] < LOCALE_SECONDS:
        return remembered[0]
    locale = Locale.objects.get(language_code=code)
    _locales[code] = (locale, time.monotonic())
    return locale


def active_locale() -> Locale:
    """``Locale.get_active`` remembered in this process."""
    return locale_for(get_language() or settings.LANGUAGE_CODE)


def forget_locales(**kwargs) -> None:
    """post_save / post_delete of a Locale."""
    _locales.clear()


def default_locale() -> Locale:
    return locale_for(settings.LANGUAGE_CODE)


def with_source_fallback(queryset, locale: Locale):
    """Pages in ``locale``, plus Arabic originals that have no translation in it yet.

    A reader of the English site still sees news that exists only in Arabic,
    marked with its language, rather than nothing.
    """
    source = default_locale()
    if locale.pk == source.pk:
        return queryset.filter(locale=locale)
    translated_keys = queryset.filter(locale=locale).values("translation_key")
    return queryset.filter(locale__in=[locale, source]).exclude(
        locale=source, translation_key__in=translated_keys
    )


def localize_all(items) -> list:
    """Each translatable item (snippet or page) in the active language, in one query.

    Like ``item.localized`` on each, which costs a query or two per item: items with no
    live translation in the active language stay as they are.
    """
    items = list(items)
    if not items:
        return items
    locale = active_locale()
    others = [item for item in items if item.locale_id != locale.pk]
    if not others:
        return items
    model = type(others[0])
    translations = model.objects.filter(
        locale=locale, translation_key__in={item.translation_key for item in others}
    )
    if issubclass(model, Page):
        translations = translations.live()
    found = {item.translation_key: item for item in translations}
    return [found.get(item.translation_key, item) for item in items]
