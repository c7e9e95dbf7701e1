import datetime
from urllib.parse import urlencode

from django.contrib.syndication.views import Feed
from django.db import models
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.blocks import BaseStreamBlock, block_text
from cms.municipalities.models import Municipality
from cms.pages import (
    PAGE_TRANSLATABLE_FIELDS,
    IndexPage,
    SearchableMixin,
    paginate,
    with_source_fallback,
)


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class NewsIndexPage(RoutablePageMixin, IndexPage):
    subpage_types = ["news.NewsPage"]
    per_page = 10

    class Meta:
        verbose_name = _("news index")

    def news(self):
        """Live news of this language (with untranslated Arabic originals), newest first."""
        pages = NewsPage.objects.live().public()
        return (
            with_source_fallback(pages, self.locale)
            .select_related("image", "locale", "programme")
            .order_by("-date", "-pk")
        )

    def filtered_news(self, request):
        news = self.news()
        filters = {}
        if tag := request.GET.get("tag"):
            news = news.filter(tags__slug=tag)
            filters["tag"] = tag
        if slug := request.GET.get("municipality"):
            municipality = Municipality.objects.filter(slug=slug).first()
            news = news.filter(municipalities=municipality) if municipality else news.none()
            filters["municipality"] = municipality or slug
        if key := request.GET.get("programme"):
            news = news.filter(programme__translation_key=key)
            filters["programme"] = key
        return news.distinct(), filters

    def get_context(self, request, *args, **kwargs):
        from cms.programmes.models import ProgrammePage

        context = super().get_context(request, *args, **kwargs)
        news, filters = self.filtered_news(request)
        context["news_page"] = paginate(request, news, self.per_page)
        context["filters"] = filters
        context["filters_query"] = urlencode(
            {key: value for key, value in request.GET.items() if key != "page" and value}
        )
        # A semi-join on the tagged items: with thousands of articles, joining them (and
        # making the tags distinct) cost seconds.
        context["tags"] = Tag.objects.filter(
            pk__in=NewsPageTag.objects.filter(content_object__locale=self.locale).values("tag_id")
        ).order_by("name")
        context["municipalities"] = Municipality.objects.filter(
            news_pages__in=self.news()
        ).distinct()
        context["programmes"] = ProgrammePage.objects.live().filter(locale=self.locale)
        return context

    @path("feed/", name="rss")
    def rss_feed(self, request):
        return NewsFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        return AtomNewsFeed(self)(request)


class NewsPage(SearchableMixin, Page):
    date = models.DateField(_("date"), default=timezone.localdate)
    lead = models.TextField(_("lead"), max_length=500, help_text=_("One or two sentences."))
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))
    municipalities = ParentalManyToManyField(
        "municipalities.Municipality",
        blank=True,
        related_name="news_pages",
        verbose_name=_("related municipalities"),
    )
    partners = ParentalManyToManyField(
        "partners.Partner", blank=True, related_name="news_pages", verbose_name=_("partners")
    )
    programme = models.ForeignKey(
        "programmes.ProgrammePage",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_pages",
    )

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("lead"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("tags"),
                FieldPanel("programme"),
                FieldPanel("municipalities"),
                FieldPanel("partners"),
            ],
            heading=_("Relations"),
        ),
    ]
    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        TranslatableField("lead"),
        TranslatableField("body"),
        TranslatableField("programme"),
        SynchronizedField("date"),
        SynchronizedField("image"),
        SynchronizedField("municipalities"),
        SynchronizedField("partners"),
        SynchronizedField("tags", overridable=True),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def search_text_parts(self) -> list[str]:
        return [*super().search_text_parts(), self.lead, block_text(self.body)]


class NewsFeed(Feed):
    """RSS 2.0 of the latest news of one language."""

    limit = 20

    def __init__(self, index: NewsIndexPage):
        super().__init__()
        self.index = index
        self.language = index.locale.language_code

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return self.index.title

    def link(self):
        return self.index.get_url(self.request)

    def description(self):
        return self.index.search_description or self.index.title

    def items(self):
        return self.index.news().filter(locale=self.index.locale)[: self.limit]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(9)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class AtomNewsFeed(NewsFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()
