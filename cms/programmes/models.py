from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.blocks import BaseStreamBlock, DocumentBlock, ParagraphBlock, block_text
from cms.pages import PAGE_TRANSLATABLE_FIELDS, IndexPage, SearchableMixin, with_source_fallback


class ComponentBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Component"))
    text = ParagraphBlock(label=_("Description"))

    class Meta:
        icon = "list-ol"
        template = "programmes/blocks/component_block.html"
        label = _("Component")
        description = _("One component or work stream of the programme")
        preview_value = {
            "heading": "تطوير الخدمات المحلية",
            "text": "<p>دعم البلديات في تحسين خدمات جمع النفايات والنقل.</p>",
        }


class ProgrammeIndexPage(IndexPage):
    subpage_types = ["programmes.ProgrammePage"]

    class Meta:
        verbose_name = _("programme index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programmes"] = (
            with_source_fallback(ProgrammePage.objects.live().public(), self.locale)
            .select_related("image", "locale")
            .order_by("-start_date")
        )
        return context


class ProgrammePage(SearchableMixin, Page):
    lead = models.TextField(_("lead"), max_length=500)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    funders = ParentalManyToManyField(
        "partners.Partner", blank=True, related_name="funded_programmes", verbose_name=_("funders")
    )
    implementers = ParentalManyToManyField(
        "partners.Partner",
        blank=True,
        related_name="implemented_programmes",
        verbose_name=_("implementing partners"),
    )
    municipalities = ParentalManyToManyField(
        "municipalities.Municipality",
        blank=True,
        related_name="programmes",
        verbose_name=_("participating municipalities"),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("about the programme"), blank=True)
    components = StreamField(
        [("component", ComponentBlock())], verbose_name=_("components"), blank=True
    )
    results = RichTextField(
        _("results"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )
    documents = StreamField(
        [("document", DocumentBlock())], verbose_name=_("documents"), blank=True
    )

    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        FieldPanel("image"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Dates")),
        MultiFieldPanel(
            [FieldPanel("funders"), FieldPanel("implementers"), FieldPanel("municipalities")],
            heading=_("Partners and municipalities"),
        ),
        FieldPanel("body"),
        FieldPanel("components"),
        FieldPanel("results"),
        FieldPanel("documents"),
    ]
    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        TranslatableField("lead"),
        TranslatableField("body"),
        TranslatableField("components"),
        TranslatableField("results"),
        TranslatableField("documents"),
        SynchronizedField("image"),
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
        SynchronizedField("funders"),
        SynchronizedField("implementers"),
        SynchronizedField("municipalities"),
    ]
    parent_page_types = ["programmes.ProgrammeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def search_text_parts(self) -> list[str]:
        return [
            *super().search_text_parts(),
            self.lead,
            block_text(self.body),
            block_text(self.components),
            strip_tags(self.results),
        ]

    def related_news(self, limit: int = 5):
        from cms.news.models import NewsPage

        pages = (
            NewsPage.objects.live().public().filter(programme__translation_key=self.translation_key)
        )
        return (
            with_source_fallback(pages, self.locale)
            .select_related("image", "locale")
            .order_by("-date")[:limit]
        )

    def related_events(self, limit: int = 5):
        from cms.events.models import EventPage

        pages = (
            EventPage.objects.live()
            .public()
            .filter(programme__translation_key=self.translation_key)
        )
        return (
            with_source_fallback(pages, self.locale)
            .select_related("image", "locale")
            .order_by("-start")[:limit]
        )
