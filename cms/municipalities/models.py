from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Country(models.TextChoices):
    LIBYA = "LY", _("Libya")
    TUNISIA = "TN", _("Tunisia")
    PALESTINE = "PS", _("Palestine")
    DJIBOUTI = "DJ", _("Djibouti")
    JORDAN = "JO", _("Jordan")
    LEBANON = "LB", _("Lebanon")
    MOROCCO = "MA", _("Morocco")
    EGYPT = "EG", _("Egypt")


class Municipality(index.Indexed, models.Model):
    """Reference data: a municipality or local authority, named in ar, en and fr."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name_ar = models.CharField(_("name in Arabic"), max_length=120)
    name_en = models.CharField(_("name in English"), max_length=120)
    name_fr = models.CharField(_("name in French"), max_length=120)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    region = models.CharField(_("region"), max_length=120, blank=True)

    panels = [
        FieldPanel("name_ar"),
        FieldPanel("name_en"),
        FieldPanel("name_fr"),
        FieldPanel("slug"),
        FieldPanel("country"),
        FieldPanel("region"),
    ]
    search_fields = [
        index.SearchField("name_ar"),
        index.SearchField("name_en"),
        index.SearchField("name_fr"),
        index.AutocompleteField("name_ar"),
        index.AutocompleteField("name_en"),
        index.FilterField("country"),
    ]

    class Meta:
        ordering = ["country", "name_en"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """The name in the active language, Arabic when there is none."""
        language = (get_language() or "ar")[:2]
        return getattr(self, f"name_{language}", "") or self.name_ar

    def label(self) -> str:
        return f"{self.name} ({self.get_country_display()})"
