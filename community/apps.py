from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    """Experience-exchange platforms, membership, forum and notifications."""

    name = "community"
    verbose_name = _("Community")
