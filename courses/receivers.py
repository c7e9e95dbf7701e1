from .services import invitations_accept


def issue_certificate_on_completion(sender, enrollment, **kwargs):
    """Completion (already committed) hands its run's certificates to a Celery worker."""
    from .certificates.completion import certificates_schedule

    certificates_schedule(enrollment.run_id)


def accept_invitations(request, email_address, **kwargs):
    """A newly verified address joins the runs it was invited to by a trainer."""
    invitations_accept(user=email_address.user)
