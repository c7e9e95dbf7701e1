"""Who may do what on a platform: one place that every view, service and query asks.

Roles are per platform (member, moderator, coordinator); site administrators
may do everything. Non-members never see a members-only platform's content:
topics, titles in search and attachments all go through :func:`can_read`.
"""

from dataclasses import dataclass

from .models import JoinPolicy, Membership, MembershipStatus, PlatformPage, Role, Visibility


@dataclass(frozen=True)
class Access:
    """A user's standing on one platform."""

    membership: Membership | None
    is_admin: bool = False
    authenticated: bool = False

    @property
    def status(self) -> str | None:
        return self.membership.status if self.membership else None

    @property
    def is_member(self) -> bool:
        return self.membership is not None and self.membership.status == MembershipStatus.ACTIVE

    @property
    def is_banned(self) -> bool:
        return self.status == MembershipStatus.BANNED

    @property
    def can_moderate(self) -> bool:
        return self.is_admin or (self.is_member and self.membership.role != Role.MEMBER)

    @property
    def can_coordinate(self) -> bool:
        return self.is_admin or (self.is_member and self.membership.role == Role.COORDINATOR)


def access_for(user, platform: PlatformPage) -> Access:
    if not user.is_authenticated:
        return Access(membership=None)
    membership = Membership.objects.filter(platform=platform.forum, user=user).first()
    return Access(membership=membership, is_admin=user.is_superuser, authenticated=True)


def can_read(access: Access, platform: PlatformPage) -> bool:
    if access.is_banned and not access.is_admin:
        return False
    return platform.visibility == Visibility.PUBLIC or access.is_member or access.is_admin


def can_post(access: Access, platform: PlatformPage) -> bool:
    """Start topics and reply: members of a platform that is not locked."""
    return (access.is_member or access.is_admin) and not platform.forum_closed


def can_join(access: Access, platform: PlatformPage) -> bool:
    """May ask to join (or join at once on an open platform)."""
    if not access.authenticated or access.is_member or access.is_banned:
        return False
    if access.status == MembershipStatus.INVITED:
        return True
    if access.status == MembershipStatus.PENDING:
        return False
    return platform.join_policy != JoinPolicy.INVITE


def can_edit_post(access: Access, post, user) -> bool:
    """Authors edit their own live posts while they may post; moderators edit any."""
    if post.is_tombstone:
        return False
    if access.can_moderate:
        return True
    return post.author_id == user.pk and access.is_member and not post.topic.locked


def memberships_of(user) -> dict[int, Membership]:
    """The user's memberships keyed by platform id (empty for visitors)."""
    if not user.is_authenticated:
        return {}
    return {m.platform_id: m for m in Membership.objects.filter(user=user)}


def readable_platform_ids(user) -> list[int]:
    """Platforms whose content ``user`` may read: public ones and their own."""
    platforms = PlatformPage.objects.filter(locale__language_code__in=_source_languages())
    if getattr(user, "is_superuser", False):
        return list(platforms.values_list("pk", flat=True))
    public = platforms.filter(visibility=Visibility.PUBLIC)
    if not user.is_authenticated:
        return list(public.values_list("pk", flat=True))
    banned = Membership.objects.filter(user=user, status=MembershipStatus.BANNED).values(
        "platform_id"
    )
    mine = Membership.objects.filter(user=user, status=MembershipStatus.ACTIVE).values(
        "platform_id"
    )
    return list(
        platforms.filter(pk__in=mine)
        .values_list("pk", flat=True)
        .union(public.exclude(pk__in=banned).values_list("pk", flat=True))
    )


def _source_languages() -> list[str]:
    from django.conf import settings

    return [settings.LANGUAGE_CODE]
