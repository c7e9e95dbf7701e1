from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page

from cms.blocks import BaseStreamBlock
from cms.pages import SearchableMixin, with_source_fallback


class HeroBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    text = blocks.TextBlock(label=_("Text"), required=False)
    image = ImageChooserBlock(label=_("Image"), required=False)
    button_label = blocks.CharBlock(label=_("Button label"), required=False)
    button_page = blocks.PageChooserBlock(label=_("Button page"), required=False)

    class Meta:
        icon = "home"
        template = "home/blocks/hero_block.html"
        label = _("Hero")
        description = _("The large welcome at the top of the home page")
        preview_value = {
            "title": "مركز تطوير البلديات ودعم اللامركزية",
            "text": "نُدرّب موظفي البلديات وندعم مسار اللامركزية.",
        }


class LatestNewsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), default=_("Latest news"))
    count = blocks.IntegerBlock(label=_("How many"), default=3, min_value=1, max_value=12)

    class Meta:
        icon = "doc-full"
        template = "home/blocks/latest_news_block.html"
        label = _("Latest news")
        description = _("The newest news articles in the page's language")
        preview_value = {"heading": "آخر الأخبار", "count": 3}

    def get_context(self, value, parent_context=None):
        from cms.news.models import NewsPage

        context = super().get_context(value, parent_context)
        page = (parent_context or {}).get("page")
        if page is not None:
            pages = NewsPage.objects.live().public()
            context["items"] = (
                with_source_fallback(pages, page.locale)
                .select_related("image", "locale")
                .order_by("-date", "-pk")[: value["count"]]
            )
        return context


class UpcomingEventsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), default=_("Upcoming events"))
    count = blocks.IntegerBlock(label=_("How many"), default=3, min_value=1, max_value=12)

    class Meta:
        icon = "date"
        template = "home/blocks/upcoming_events_block.html"
        label = _("Upcoming events")
        description = _("The next workshops, conferences and visits")
        preview_value = {"heading": "الفعاليات القادمة", "count": 3}

    def get_context(self, value, parent_context=None):
        from cms.events.models import EventPage

        context = super().get_context(value, parent_context)
        page = (parent_context or {}).get("page")
        if page is not None:
            pages = EventPage.objects.live().public().filter(start__gte=timezone.now())
            context["items"] = (
                with_source_fallback(pages, page.locale)
                .select_related("locale")
                .order_by("start")[: value["count"]]
            )
        return context


class FeaturedPagesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"))
    intro = blocks.TextBlock(label=_("Introduction"), required=False)
    pages = blocks.ListBlock(blocks.PageChooserBlock(), label=_("Pages"), min_num=1, max_num=8)

    class Meta:
        icon = "pick"
        template = "home/blocks/featured_pages_block.html"
        label = _("Featured pages")
        description = _("A row of chosen pages: courses, exchange platforms, programmes")
        preview_value = {"heading": "دورات مختارة", "intro": "", "pages": []}


class HomeStreamBlock(BaseStreamBlock):
    hero = HeroBlock()
    latest_news = LatestNewsBlock()
    upcoming_events = UpcomingEventsBlock()
    featured = FeaturedPagesBlock()


class HomePage(SearchableMixin, Page):
    """The root of each language's tree, made of sections editors can reorder."""

    body = StreamField(HomeStreamBlock(), verbose_name=_("sections"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "news.NewsIndexPage",
        "events.EventIndexPage",
        "programmes.ProgrammeIndexPage",
        "standard.StandardPage",
        "standard.FormPage",
        "courses.CourseIndexPage",
        "community.PlatformIndexPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
