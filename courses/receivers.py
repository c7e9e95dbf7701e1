from .services import invitations_accept


def issue_certificate_on_completion(sender, enrollment, **kwargs):
    """Completion (already committed) hands certificate issuing to a Celery worker."""
    from .certificates.tasks import issue_certificate

    issue_certificate.delay(enrollment.pk)


def accept_invitations(request, email_address, **kwargs):
    """A newly verified address joins the runs it was invited to by a trainer."""
    invitations_accept(user=email_address.user)
