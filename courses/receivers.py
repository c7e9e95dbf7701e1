from .services import invitations_accept


def accept_invitations(request, email_address, **kwargs):
    """A newly verified address joins the runs it was invited to by a trainer."""
    invitations_accept(user=email_address.user)
