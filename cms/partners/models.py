from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class PartnerKind(models.TextChoices):
    DONOR = "donor", _("Donor")
    UN_AGENCY = "un_agency", _("UN agency")
    NGO = "ngo", _("NGO")
    MINISTRY = "ministry", _("Ministry or public authority")
    ASSOCIATION = "association", _("Association of municipalities")
    OTHER = "other", _("Other")


class Partner(TranslatableMixin, index.Indexed, models.Model):
    """A donor, agency, ministry or association the centre works with. Translatable snippet."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=PartnerKind.choices)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    url = models.URLField(_("website"), blank=True)
    # A stable identifier for demo data and imports; shared by all translations.
    key = models.SlugField(_("key"), max_length=60, blank=True)

    panels = [FieldPanel("name"), FieldPanel("kind"), FieldPanel("logo"), FieldPanel("url")]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("kind"),
        SynchronizedField("logo"),
        SynchronizedField("url"),
        SynchronizedField("key"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self) -> str:
        return self.name
