"""Notification fan-out and the daily digest, run by Celery workers."""

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation

from celery import shared_task

from . import notifications
from .models import Notification, NotificationKind
from .permissions import access_for, can_read


@shared_task(acks_late=True, autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def fan_out_post(post_id: int, mentions: list[str]) -> int:
    """Notify the watchers and the mentioned members of a new post; e-mail replies at once."""
    created = notifications.fan_out(post_id, mentions)
    ids = list(
        Notification.objects.filter(post_id=post_id, emailed_at__isnull=True).values_list(
            "pk", flat=True
        )
    )
    notifications.send_immediate(ids)
    return len(created)


@shared_task(acks_late=True, autoretry_for=(Exception,), retry_backoff=True, max_retries=3)
def send_daily_digests() -> int:
    """One e-mail a member: the new topics of the last day they have not been told about."""
    since = timezone.now() - timedelta(days=1)
    pending = (
        Notification.objects.filter(
            kind=NotificationKind.TOPIC,
            emailed_at__isnull=True,
            read_at__isnull=True,
            created_at__gte=since,
        )
        .select_related("user", "post__topic__platform")
        .order_by("user_id", "created_at")
    )
    by_user: dict[int, list[Notification]] = {}
    for item in pending:
        by_user.setdefault(item.user_id, []).append(item)
    sent = 0
    for items in by_user.values():
        user = items[0].user
        readable = [
            item
            for item in items
            if can_read(access_for(user, item.post.topic.platform), item.post.topic.platform)
        ]
        if readable:
            language = user.preferred_language or settings.LANGUAGE_CODE
            with translation.override(language):
                context = {"user": user, "items": readable, "site": settings.WAGTAILADMIN_BASE_URL}
                send_mail(
                    render_to_string("community/emails/digest_subject.txt", context).strip(),
                    render_to_string("community/emails/digest.txt", context),
                    None,
                    [user.email],
                )
            sent += 1
        Notification.objects.filter(pk__in=[item.pk for item in items]).update(
            emailed_at=timezone.now()
        )
    return sent


@shared_task(acks_late=True, autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def send_membership_email(membership_id: int, event: str) -> bool:
    """Tell a person they were invited, let in or declined, in their language."""
    from .models import Membership

    membership = (
        Membership.objects.select_related("user", "platform").filter(pk=membership_id).first()
    )
    if membership is None:
        return False
    user = membership.user
    language = user.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        platform = membership.platform.localized
        context = {
            "user": user,
            "membership": membership,
            "event": event,
            "platform": platform,
            "platform_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + platform.url,
        }
        send_mail(
            render_to_string("community/emails/membership_subject.txt", context).strip(),
            render_to_string("community/emails/membership.txt", context),
            None,
            [user.email],
        )
    return True


@shared_task(acks_late=True, autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def send_platform_invitation_email(invitation_id: int) -> bool:
    """Invite an address with no account, in the language its coordinator was using."""
    from django.urls import reverse
    from django.utils.http import urlencode

    from .models import PlatformInvitation

    invitation = (
        PlatformInvitation.objects.select_related("platform", "invited_by")
        .filter(pk=invitation_id, accepted_at=None, withdrawn_at=None)
        .first()
    )
    if invitation is None:
        return False
    site = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    with translation.override(invitation.language):
        platform = invitation.platform.localized
        context = {
            "invitation": invitation,
            "platform": platform,
            "inviter": invitation.invited_by.display_name if invitation.invited_by else "",
            "platform_url": site + platform.url,
            "signup_url": site
            + reverse("account_signup")
            + "?"
            + urlencode({"next": platform.url}),
            # Signed-out people are sent to sign in first, and brought back.
            "addresses_url": site + reverse("account_email"),
        }
        send_mail(
            render_to_string("community/emails/invitation_subject.txt", context).strip(),
            render_to_string("community/emails/invitation.txt", context),
            None,
            [invitation.email],
        )
    return True
