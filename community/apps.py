from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    """Experience-exchange platforms, membership, forum and notifications."""

    name = "community"
    verbose_name = _("Community")

    def ready(self):
        from allauth.account.signals import email_confirmed

        from .receivers import accept_platform_invitations

        email_confirmed.connect(
            accept_platform_invitations, dispatch_uid="community_accept_platform_invitations"
        )
