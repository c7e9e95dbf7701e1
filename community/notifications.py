"""Subscriptions, in-app notifications and the e-mails that go with them.

A new post is fanned out by a Celery task after the transaction commits, never
inside the web request: the task finds who watches the topic (or the
platform, for a new topic) and who is mentioned, writes one ``Notification``
each, and e-mails replies and mentions at once. New topics reach "normal"
members in the daily digest. A notification stores no text: it is drawn from
the post when shown, and only while the reader may still read the platform.
"""

import logging

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models.functions import Lower
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from cms.pages import localize_all

from .models import (
    Level,
    Membership,
    MembershipStatus,
    Notification,
    NotificationKind,
    PlatformPage,
    Post,
    Subscription,
    Topic,
)
from .permissions import Access, access_for, can_read, memberships_of

UNSUBSCRIBE_SALT = "community.unsubscribe"

# The header of every signed-in page shows the reader's unread count. It is kept in the
# shared cache for a minute at most and forgotten when the reader's notifications are
# written or read, so the badge costs a cache read instead of a query. The minute bounds
# what a write racing a reader's refill (or a deletion by cascade) can leave behind.
UNREAD_SECONDS = 60

logger = logging.getLogger(__name__)


def subscription_set(*, user, level: str, topic=None, platform=None) -> Subscription:
    if level not in Level.values:
        raise ValueError(level)
    target = {"topic": topic} if topic is not None else {"platform": platform, "topic": None}
    subscription, _created = Subscription.objects.update_or_create(
        user=user, **target, defaults={"level": level, "platform": platform or topic.platform}
    )
    return subscription


def watch_on_post(*, user, topic) -> None:
    """Writing in a topic watches it, as in Discourse, unless the member muted it."""
    Subscription.objects.get_or_create(
        user=user, topic=topic, defaults={"platform": topic.platform, "level": Level.WATCHING}
    )


def fan_out_later(post: Post, mentions: set[str]) -> None:
    from .tasks import fan_out_post

    transaction.on_commit(lambda: fan_out_post.delay(post.pk, sorted(mentions)))


def fan_out(post_id: int, mentions: list[str]) -> list[Notification]:
    """Notifications for one new post (safe to run twice: one per user and post)."""
    post = Post.objects.select_related("topic__platform", "author").filter(pk=post_id).first()
    if post is None or not post.approved or post.hidden_at or post.deleted_at:
        return []
    topic, platform = post.topic, post.topic.platform
    members = Membership.objects.filter(platform=platform, status=MembershipStatus.ACTIVE)
    active_ids = set(members.values_list("user_id", flat=True))
    opening = not Post.objects.filter(topic=topic, created_at__lt=post.created_at).exists()
    kinds: dict[int, str] = {}
    if mentions:
        mentioned = members.annotate(handle=Lower("user__handle")).filter(handle__in=mentions)
        for user_id in mentioned.values_list("user_id", flat=True):
            kinds[user_id] = NotificationKind.MENTION
    subscriptions = (
        Subscription.objects.filter(topic__isnull=True, platform=platform)
        if opening
        else Subscription.objects.filter(topic=topic)
    )
    for user_id, level in subscriptions.values_list("user_id", "level"):
        if level == Level.WATCHING and user_id in active_ids:
            kinds.setdefault(user_id, NotificationKind.TOPIC if opening else NotificationKind.REPLY)
    if opening:  # "normal" members hear of new topics in the digest
        muted = set(
            Subscription.objects.filter(
                platform=platform, topic__isnull=True, level=Level.MUTED
            ).values_list("user_id", flat=True)
        )
        for user_id in active_ids - muted:
            kinds.setdefault(user_id, NotificationKind.TOPIC)
    muted_topic = set(
        Subscription.objects.filter(topic=topic, level=Level.MUTED).values_list(
            "user_id", flat=True
        )
    )
    kinds.pop(post.author_id, None)
    for user_id in muted_topic:
        if kinds.get(user_id) != NotificationKind.MENTION:
            kinds.pop(user_id, None)
    notifications = Notification.objects.bulk_create(
        [
            Notification(user_id=user_id, kind=kind, post=post, created_at=post.created_at)
            for user_id, kind in kinds.items()
        ],
        ignore_conflicts=True,
    )
    unread_changed(kinds)
    return notifications


def unsubscribe_token(*, user_id: int, topic_id: int | None, platform_id: int) -> str:
    return signing.dumps({"u": user_id, "t": topic_id, "p": platform_id}, salt=UNSUBSCRIBE_SALT)


def unsubscribe_url(*, user, post: Post, language: str) -> str:
    token = unsubscribe_token(
        user_id=user.pk, topic_id=post.topic_id, platform_id=post.topic.platform_id
    )
    with translation.override(language):
        path = reverse("community:unsubscribe", args=[token])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def unsubscribe(token: str):
    """Mute the topic (or platform) a link was sent for; returns the subscription."""
    from django.contrib.auth import get_user_model

    data = signing.loads(token, salt=UNSUBSCRIBE_SALT, max_age=60 * 60 * 24 * 365)
    user = get_user_model().objects.get(pk=data["u"])
    if data["t"]:
        return subscription_set(user=user, level=Level.MUTED, topic=Topic.objects.get(pk=data["t"]))
    return subscription_set(
        user=user, level=Level.MUTED, platform=PlatformPage.objects.get(pk=data["p"])
    )


def send_immediate(notification_ids: list[int]) -> int:
    """E-mail replies and mentions, each in its reader's language; returns how many went."""
    sent = 0
    notifications = Notification.objects.filter(
        pk__in=notification_ids,
        emailed_at__isnull=True,
        kind__in=[NotificationKind.REPLY, NotificationKind.MENTION],
    ).select_related("user", "post__author", "post__topic__platform")
    for notification in notifications:
        user, post = notification.user, notification.post
        platform = post.topic.platform
        if not can_read(access_for(user, platform), platform):
            continue
        language = user.preferred_language or settings.LANGUAGE_CODE
        with translation.override(language):
            context = {
                "user": user,
                "post": post,
                "notification": notification,
                "topic_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
                + platform.localized.url
                + platform.reverse_subpage("post", args=[post.pk]),
                "unsubscribe_url": unsubscribe_url(user=user, post=post, language=language),
            }
            subject = render_to_string("community/emails/post_subject.txt", context).strip()
            body = render_to_string("community/emails/post.txt", context)
        message = EmailMultiAlternatives(
            subject,
            body,
            to=[user.email],
            headers={
                "List-Unsubscribe": f"<{context['unsubscribe_url']}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
        message.send()
        Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
        sent += 1
    return sent


def _unread_key(user_id: int) -> str:
    return f"notifications:unread:{user_id}"


def unread_count(user) -> int:
    """How many of the user's notifications are unread (see ``UNREAD_SECONDS``)."""
    if not user.is_authenticated:
        return 0

    def counted() -> int:
        return Notification.objects.filter(user=user, read_at__isnull=True).count()

    key = _unread_key(user.pk)
    try:
        count = cache.get(key)
    except Exception:  # the cache is down: count in the database
        logger.warning("Cache unavailable: unread notifications counted", exc_info=True)
        return counted()
    if count is None:
        count = counted()
        try:
            cache.set(key, count, UNREAD_SECONDS)
        except Exception:
            logger.warning("Cache unavailable: unread count not kept", exc_info=True)
    return count


def unread_changed(user_ids) -> None:
    """The users' notifications were written or read: their next page counts afresh.

    Forgotten at once, and again when the transaction commits, so that a page counting
    in between cannot keep the count from before it for the whole minute.
    """
    keys = [_unread_key(user_id) for user_id in user_ids]
    if not keys:
        return

    def forget():
        try:
            cache.delete_many(keys)
        except Exception:
            logger.warning("Cache unavailable: unread counts not forgotten", exc_info=True)

    forget()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(forget)


def notifications_for(user, limit: int = 50) -> list[Notification]:
    """The user's latest notifications they may still read (text hidden otherwise)."""
    items = list(
        Notification.objects.filter(user=user).select_related(
            "post__author", "post__topic__platform"
        )[:limit]
    )
    # Topics belong to the platform in the site's first language, so the user's
    # memberships (one query) answer for every platform here; titles and links come in
    # the reader's language (one more query).
    memberships = memberships_of(user)
    shown = localize_all(item.post.topic.platform for item in items)
    readable = {}
    for item, platform_shown in zip(items, shown, strict=True):
        platform = item.post.topic.platform
        if platform.pk not in readable:
            access = Access(
                membership=memberships.get(platform.pk),
                is_admin=user.is_superuser,
                authenticated=True,
            )
            readable[platform.pk] = can_read(access, platform)
        item.readable = readable[platform.pk] and not item.post.hidden_at
        item.platform_shown = platform_shown
    return items
