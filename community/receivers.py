from django.contrib import messages
from django.utils.html import format_html
from django.utils.translation import gettext as _


def accept_platform_invitations(request, email_address, **kwargs):
    """A newly confirmed address turns the platforms' invitations to it into invitations of
    its account, and the person is shown where to accept them."""
    from .services import invitations_accept

    memberships = invitations_accept(user=email_address.user, email=email_address.email)
    if request is None:
        return
    for membership in memberships:
        platform = membership.platform.localized
        link = format_html('<a href="{}">{}</a>', platform.url, platform.title)
        messages.info(
            request,
            format_html(
                _("You are invited to join {platform}: accept the invitation on its page."),
                platform=link,
            ),
            fail_silently=True,
        )
