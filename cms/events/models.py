from django.db import models
from django.db.models import Q
from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.blocks import BaseStreamBlock, block_text
from cms.pages import (
    PAGE_TRANSLATABLE_FIELDS,
    IndexPage,
    SearchableMixin,
    paginate,
    with_source_fallback,
)

from .ics import event_to_ics


class EventKind(models.TextChoices):
    WORKSHOP = "workshop", _("Workshop")
    CONFERENCE = "conference", _("Conference")
    FIELD_VISIT = "field_visit", _("Field visit")
    DIALOGUE = "dialogue", _("Dialogue session")
    TRAINING = "training", _("Training")


class AgendaItemBlock(blocks.StructBlock):
    time = blocks.CharBlock(label=_("Time"), max_length=20, required=False)
    item = blocks.CharBlock(label=_("Item"))
    speakers = blocks.CharBlock(label=_("Speakers"), required=False)

    class Meta:
        icon = "time"
        template = "events/blocks/agenda_item_block.html"
        label = _("Agenda item")
        description = _("One item of the agenda, with its time and speakers")
        preview_value = {"time": "09:00", "item": "كلمة افتتاحية", "speakers": ""}


class EventIndexPage(IndexPage):
    subpage_types = ["events.EventPage"]
    per_page = 10

    class Meta:
        verbose_name = _("event index")

    def events(self):
        pages = EventPage.objects.live().public()
        return with_source_fallback(pages, self.locale).select_related("image", "locale")

    def upcoming(self):
        now = timezone.now()
        return (
            self.events()
            .filter(Q(end__gte=now) | Q(end__isnull=True, start__gte=now))
            .order_by("start")
        )

    def past(self):
        now = timezone.now()
        return (
            self.events()
            .filter(Q(end__lt=now) | Q(end__isnull=True, start__lt=now))
            .order_by("-start")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["upcoming_events"] = self.upcoming()
        context["past_events"] = paginate(request, self.past(), self.per_page)
        return context


class EventPage(RoutablePageMixin, SearchableMixin, Page):
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=255, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    lead = models.TextField(_("lead"), max_length=500)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("description"), blank=True)
    agenda = StreamField([("item", AgendaItemBlock())], verbose_name=_("agenda"), blank=True)
    outcomes = RichTextField(
        _("outcomes and recommendations"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Filled in after the event."),
    )
    organisers = ParentalManyToManyField(
        "partners.Partner",
        blank=True,
        related_name="organised_events",
        verbose_name=_("organisers"),
    )
    partners = ParentalManyToManyField(
        "partners.Partner", blank=True, related_name="events", verbose_name=_("partners")
    )
    municipalities = ParentalManyToManyField(
        "municipalities.Municipality",
        blank=True,
        related_name="events",
        verbose_name=_("related municipalities"),
    )
    programme = models.ForeignKey(
        "programmes.ProgrammePage",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading=_("When")),
        FieldRowPanel([FieldPanel("place"), FieldPanel("online_url")], heading=_("Where")),
        FieldPanel("lead"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("agenda"),
        FieldPanel("outcomes"),
        MultiFieldPanel(
            [
                FieldPanel("organisers"),
                FieldPanel("partners"),
                FieldPanel("programme"),
                FieldPanel("municipalities"),
            ],
            heading=_("Relations"),
        ),
    ]
    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        TranslatableField("place"),
        TranslatableField("lead"),
        TranslatableField("body"),
        TranslatableField("agenda"),
        TranslatableField("outcomes"),
        TranslatableField("programme"),
        SynchronizedField("kind"),
        SynchronizedField("start"),
        SynchronizedField("end"),
        SynchronizedField("online_url"),
        SynchronizedField("image"),
        SynchronizedField("organisers"),
        SynchronizedField("partners"),
        SynchronizedField("municipalities"),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-start"]

    def search_text_parts(self) -> list[str]:
        return [
            *super().search_text_parts(),
            self.place,
            self.lead,
            block_text(self.body),
            block_text(self.agenda),
            strip_tags(self.outcomes),
        ]

    @property
    def is_past(self) -> bool:
        return (self.end or self.start) < timezone.now()

    @path("")
    def event(self, request):
        return self.render(request)

    @path("ics/", name="ics")
    def ics(self, request):
        response = HttpResponse(
            event_to_ics(self, request), content_type="text/calendar; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{self.slug or "event"}.ics"'
        return response
