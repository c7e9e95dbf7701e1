from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from cms.blocks import BaseStreamBlock, block_text
from cms.pages import SearchableMixin


class StandardPage(SearchableMixin, Page):
    """A general page: about the centre, what it offers, how to take part."""

    lead = models.TextField(_("lead"), blank=True, max_length=500)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("lead"), FieldPanel("body")]
    parent_page_types = ["home.HomePage", "standard.StandardPage"]
    subpage_types = ["standard.StandardPage", "standard.FormPage"]

    class Meta:
        verbose_name = _("standard page")

    def search_text_parts(self) -> list[str]:
        return [*super().search_text_parts(), self.lead, block_text(self.body)]


class FormField(AbstractFormField):
    page = ParentalKey("FormPage", on_delete=models.CASCADE, related_name="form_fields")


class FormPage(AbstractEmailForm):
    """A contact or registration form built by editors with Wagtail's form builder."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    thank_you_text = RichTextField(
        _("thank-you text"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("E-mail"),
        ),
    ]
    parent_page_types = ["home.HomePage", "standard.StandardPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("form page")
