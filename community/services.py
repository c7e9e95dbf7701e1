"""Membership and forum writes. Every multi-row write is one transaction.

Views, the admin, commands and the demo call these; permissions are checked
here too (a service refuses what the user may not do), so a view that forgets
a check still cannot post into a platform its user does not belong to.
"""

import contextlib
import re
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from . import attachments, notifications
from .markdown import render_markdown
from .models import (
    Category,
    JoinPolicy,
    Membership,
    MembershipStatus,
    PlatformInvitation,
    PlatformPage,
    Post,
    PostRevision,
    Role,
    Topic,
    TopicRead,
)
from .permissions import access_for, can_edit_post, can_join, can_post, can_read

TITLE_MAX = 200
BODY_MAX = 20_000
# New members (fewer than this many days or approved posts) are rate limited.
NEW_MEMBER_DAYS = 7
NEW_MEMBER_POSTS = 5
TOPIC_INTERVAL = timedelta(minutes=2)
REPLY_INTERVAL = timedelta(seconds=30)


# --- handles and mentions ------------------------------------------------------------


def handle_ensure(user) -> str:
    """The user's forum @name, made from their Latin name (or e-mail) the first time."""
    if user.handle:
        return user.handle
    from django.contrib.auth import get_user_model

    base = slugify(user.name_latin or user.email.split("@")[0]).replace("-", ".")[:24]
    base = re.sub(r"[^a-z0-9._-]", "", base).strip("._-") or "member"
    if len(base) < 3:
        base = f"{base}.member"
    User = get_user_model()
    candidate, n = base, 1
    while User.objects.filter(handle__iexact=candidate).exclude(pk=user.pk).exists():
        n += 1
        candidate = f"{base}{n}"
    user.handle = candidate
    user.save(update_fields=["handle"])
    return candidate


def _mention_resolver(platform: PlatformPage):
    """Mentions resolve to active members of the platform only.

    Each handle the text mentions is looked up once, when the renderer meets it
    (most posts mention nobody): reading every member's handle up front was a reply's
    slowest query on a platform of thousands of members.
    """
    found: dict[str, str | None] = {}

    def resolve(handle: str) -> str | None:
        key = handle.lower()
        if key not in found:
            found[key] = (
                Membership.objects.filter(
                    platform=platform, status=MembershipStatus.ACTIVE, user__handle__iexact=key
                )
                .values_list("user__handle", flat=True)
                .first()
            )
        if found[key] is None:
            return None
        return reverse_members_url(platform) + f"#{found[key]}"

    return resolve


def reverse_members_url(platform: PlatformPage) -> str:
    return platform.url + platform.reverse_subpage("members")


def render_post(platform: PlatformPage, source: str) -> tuple[str, set[str]]:
    return render_markdown(source, resolve_mention=_mention_resolver(platform))


# --- membership ---------------------------------------------------------------------


def _email_later(membership: Membership, event: str) -> None:
    from .tasks import send_membership_email

    transaction.on_commit(lambda: send_membership_email.delay(membership.pk, event))


@transaction.atomic
def membership_request(*, user, platform: PlatformPage, message: str = "") -> Membership:
    """Join an open platform, accept an invitation, or ask a coordinator to be let in."""
    platform = platform.forum
    access = access_for(user, platform)
    if access.is_member:
        return access.membership
    if not can_join(access, platform):
        raise PermissionDenied(_("You cannot join this platform."))
    now = timezone.now()
    membership = access.membership or Membership(platform=platform, user=user)
    immediate = (
        platform.join_policy == JoinPolicy.OPEN or membership.status == MembershipStatus.INVITED
    )
    membership.status = MembershipStatus.ACTIVE if immediate else MembershipStatus.PENDING
    membership.message = message.strip()[:2000]
    membership.created_at = membership.created_at or now
    if immediate:
        membership.joined_at = now
        handle_ensure(user)
    membership.save()
    return membership


@transaction.atomic
def membership_decide(
    *, membership: Membership, by, approve: bool, message: str = ""
) -> Membership:
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if not access_for(by, membership.platform).can_coordinate:
        raise PermissionDenied(_("Only the platform's coordinators decide on requests."))
    if membership.status != MembershipStatus.PENDING:
        raise ValidationError(_("This request has already been decided."))
    now = timezone.now()
    membership.status = MembershipStatus.ACTIVE if approve else MembershipStatus.REJECTED
    membership.decision_message = message.strip()[:2000]
    membership.decided_by, membership.decided_at = by, now
    if approve:
        membership.joined_at = now
        handle_ensure(membership.user)
    membership.save()
    _email_later(membership, "approved" if approve else "rejected")
    return membership


@transaction.atomic
def membership_invite(*, platform: PlatformPage, email: str, by) -> Membership | PlatformInvitation:
    """Invite the account that uses ``email``; with no such account, invite the address.

    An address's invitation (``PlatformInvitation``) is e-mailed with a link to sign
    up and becomes the account's invitation when someone confirms the address
    (``invitations_accept``). Inviting an address again sends the e-mail again.
    """
    platform = platform.forum
    if not access_for(by, platform).can_coordinate:
        raise PermissionDenied(_("Only the platform's coordinators invite members."))
    email = email.strip()
    validate_email(email)
    user = _account_of(email)
    if user is None:
        return _invite_address(platform=platform, email=email.lower(), by=by)
    membership, _created = Membership.objects.select_for_update().get_or_create(
        platform=platform, user=user
    )
    if membership.status in (MembershipStatus.ACTIVE, MembershipStatus.BANNED):
        raise ValidationError(
            _("%(name)s is already a member or is banned.") % {"name": user.display_name}
        )
    membership.status = MembershipStatus.INVITED
    membership.decided_by, membership.decided_at = by, timezone.now()
    membership.save()
    _email_later(membership, "invited")
    return membership


def _account_of(email: str):
    """The account whose address (its own, or another it has confirmed) is ``email``."""
    from django.contrib.auth import get_user_model

    from allauth.account.models import EmailAddress

    user = get_user_model().objects.filter(email__iexact=email).first()
    if user is None:
        address = (
            EmailAddress.objects.filter(email__iexact=email, verified=True)
            .select_related("user")
            .first()
        )
        user = address.user if address else None
    return user


def _invite_address(*, platform: PlatformPage, email: str, by) -> PlatformInvitation:
    from .tasks import send_platform_invitation_email

    language = translation.get_language() or settings.LANGUAGE_CODE
    invitation = (
        PlatformInvitation.objects.select_for_update()
        .filter(platform=platform, email=email, accepted_at=None, withdrawn_at=None)
        .first()
    )
    if invitation is None:
        try:
            with transaction.atomic():
                invitation = PlatformInvitation.objects.create(
                    platform=platform, email=email, invited_by=by, language=language
                )
        except IntegrityError:
            # Another coordinator invited the same address a moment ago: theirs stands.
            invitation = PlatformInvitation.objects.select_for_update().get(
                platform=platform, email=email, accepted_at=None, withdrawn_at=None
            )
    else:
        invitation.invited_by, invitation.language = by, language
        invitation.sent_at = timezone.now()
        invitation.save(update_fields=["invited_by", "language", "sent_at"])
    transaction.on_commit(lambda: send_platform_invitation_email.delay(invitation.pk))
    return invitation


@transaction.atomic
def invitation_withdraw(*, invitation: PlatformInvitation, by) -> PlatformInvitation:
    invitation = PlatformInvitation.objects.select_for_update().get(pk=invitation.pk)
    if not access_for(by, invitation.platform).can_coordinate:
        raise PermissionDenied(_("Only the platform's coordinators invite members."))
    if invitation.accepted_at is not None:
        raise ValidationError(_("This invitation has already been accepted."))
    if invitation.withdrawn_at is None:
        invitation.withdrawn_at = timezone.now()
        invitation.save(update_fields=["withdrawn_at"])
    return invitation


@transaction.atomic
def invitations_accept(*, user, email: str) -> list[Membership]:
    """Turn the open invitations of a newly confirmed address into invitations of its
    account. Members and banned people keep their status."""
    now = timezone.now()
    invitations = (
        PlatformInvitation.objects.waiting().select_for_update().filter(email__iexact=email)
    )
    memberships = []
    for invitation in invitations.order_by("pk"):
        membership, created = Membership.objects.select_for_update().get_or_create(
            platform_id=invitation.platform_id,
            user=user,
            defaults={"status": MembershipStatus.INVITED},
        )
        if created or membership.status not in (
            MembershipStatus.ACTIVE,
            MembershipStatus.BANNED,
        ):
            membership.status = MembershipStatus.INVITED
            membership.decided_by, membership.decided_at = invitation.invited_by, now
            membership.save()
            memberships.append(membership)
        invitation.accepted_at, invitation.accepted_by = now, user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
    return memberships


@transaction.atomic
def membership_leave(*, membership: Membership) -> Membership:
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.status == MembershipStatus.ACTIVE and membership.role == Role.COORDINATOR:
        others = Membership.objects.filter(
            platform_id=membership.platform_id,
            status=MembershipStatus.ACTIVE,
            role=Role.COORDINATOR,
        ).exclude(pk=membership.pk)
        if not others.exists():
            raise ValidationError(
                _("You are the platform's only coordinator: name another one before leaving.")
            )
    if membership.status in (MembershipStatus.ACTIVE, MembershipStatus.PENDING):
        membership.status = MembershipStatus.LEFT
        membership.role = Role.MEMBER
        membership.save(update_fields=["status", "role"])
    return membership


@transaction.atomic
def membership_set_role(*, membership: Membership, role: str, by) -> Membership:
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if not access_for(by, membership.platform).can_coordinate:
        raise PermissionDenied(_("Only the platform's coordinators change roles."))
    if role not in Role.values or membership.status != MembershipStatus.ACTIVE:
        raise ValidationError(_("Only active members can be given a role."))
    membership.role = role
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def membership_ban(*, membership: Membership, by, reason: str = "", ban: bool = True):
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    access = access_for(by, membership.platform)
    if not access.can_moderate or membership.user_id == by.pk:
        raise PermissionDenied(_("You cannot ban this member."))
    if membership.role == Role.COORDINATOR and not access.can_coordinate:
        raise PermissionDenied(_("Only coordinators can ban a coordinator."))
    membership.status = MembershipStatus.BANNED if ban else MembershipStatus.LEFT
    membership.role = Role.MEMBER
    membership.decision_message = reason.strip()[:2000]
    membership.decided_by, membership.decided_at = by, timezone.now()
    membership.save()
    return membership


# --- topics and posts --------------------------------------------------------------------


def _check_rate(*, user, platform, access, model, interval: timedelta) -> None:
    """New members wait between posts; established members and moderators do not."""
    if access.can_moderate:
        return
    membership = access.membership
    established = membership.approved_posts >= NEW_MEMBER_POSTS or (
        membership.joined_at and timezone.now() - membership.joined_at > timedelta(NEW_MEMBER_DAYS)
    )
    if established:
        return
    since = timezone.now() - interval
    if model is Topic:
        recent = Topic.objects.filter(platform=platform, author=user, created_at__gt=since)
    else:
        recent = Post.objects.filter(topic__platform=platform, author=user, created_at__gt=since)
    if recent.exists():
        seconds = int(interval.total_seconds())
        raise ValidationError(
            _("New members can post once every %(seconds)d seconds. Please wait a moment.")
            % {"seconds": seconds}
        )


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ValidationError(_("Write something first."))
    if len(body) > BODY_MAX:
        raise ValidationError(
            _("A post can be at most %(max)d characters long.") % {"max": BODY_MAX}
        )
    return body


def _needs_approval(platform, access) -> bool:
    return (
        platform.post_approval
        and not access.can_moderate
        and access.membership is not None
        and access.membership.approved_posts == 0
    )


def _attach(post: Post, files: list) -> None:
    """Store validated uploads for ``post``; inside the caller's transaction."""
    from .models import Attachment

    stored = []
    try:
        for upload in files:
            name = attachments.store(upload)
            stored.append(name)
            kind = attachments.TYPES[attachments.extension(upload.name)]
            Attachment.objects.create(
                post=post,
                file=name,
                name=upload.name.rsplit("/", 1)[-1][:200],
                size=upload.size,
                content_type=kind[0],
                is_image=kind[1],
            )
    except Exception:
        for name in stored:  # the rows roll back; the files must go with them
            attachments.private_storage.delete(name)
        raise


@transaction.atomic
def topic_create(
    *,
    platform: PlatformPage,
    author,
    title: str,
    body: str,
    category: Category | None = None,
    files=(),
) -> Topic:
    platform = platform.forum
    access = access_for(author, platform)
    if not can_post(access, platform):
        raise PermissionDenied(_("Only members can start topics here."))
    title = (title or "").strip()
    if not title:
        raise ValidationError(_("Give the topic a title."))
    if len(title) > TITLE_MAX:
        raise ValidationError(
            _("The title can be at most %(max)d characters.") % {"max": TITLE_MAX}
        )
    body = _clean_body(body)
    files = attachments.validate(files)
    if category is not None and category.platform_id != platform.pk:
        raise ValidationError(_("Choose a category of this platform."))
    _check_rate(user=author, platform=platform, access=access, model=Topic, interval=TOPIC_INTERVAL)
    approved = not _needs_approval(platform, access)
    now = timezone.now()
    topic = Topic(
        platform=platform,
        category=category,
        author=author,
        title=title,
        created_at=now,
        last_posted_at=now,
        last_poster=author,
        hidden_at=None if approved else now,  # an unapproved topic waits with its first post
    )
    topic.refresh_search_text(body)
    topic.save()
    html, mentions = render_post(platform, body)
    post = Post.objects.create(
        topic=topic, author=author, source=body, html=html, created_at=now, approved=approved
    )
    _attach(post, files)
    TopicRead.objects.update_or_create(user=author, topic=topic, defaults={"read_at": now})
    notifications.watch_on_post(user=author, topic=topic)
    if approved:
        notifications.fan_out_later(post, mentions)
    return topic


@transaction.atomic
def post_reply(*, topic: Topic, author, body: str, files=()) -> Post:
    topic = Topic.objects.select_for_update().select_related("platform").get(pk=topic.pk)
    platform = topic.platform
    access = access_for(author, platform)
    if not can_post(access, platform) or not can_read(access, platform):
        raise PermissionDenied(_("Only members can reply here."))
    if (topic.locked or topic.hidden_at) and not access.can_moderate:
        raise PermissionDenied(_("This topic is closed to new replies."))
    body = _clean_body(body)
    files = attachments.validate(files)
    _check_rate(user=author, platform=platform, access=access, model=Post, interval=REPLY_INTERVAL)
    approved = not _needs_approval(platform, access)
    now = timezone.now()
    html, mentions = render_post(platform, body)
    post = Post.objects.create(
        topic=topic, author=author, source=body, html=html, created_at=now, approved=approved
    )
    _attach(post, files)
    if approved:
        Topic.objects.filter(pk=topic.pk).update(
            reply_count=F("reply_count") + 1, last_posted_at=now, last_poster=author
        )
        notifications.fan_out_later(post, mentions)
    TopicRead.objects.update_or_create(user=author, topic=topic, defaults={"read_at": now})
    notifications.watch_on_post(user=author, topic=topic)
    return post


@transaction.atomic
def post_edit(*, post: Post, by, body: str) -> Post:
    post = Post.objects.select_for_update().select_related("topic__platform").get(pk=post.pk)
    access = access_for(by, post.topic.platform)
    if not can_edit_post(access, post, by):
        raise PermissionDenied(_("You cannot edit this post."))
    body = _clean_body(body)
    if body == post.source:
        return post
    PostRevision.objects.create(post=post, source=post.source, edited_by=by)
    post.source = body
    post.html, _mentions = render_post(post.topic.platform, body)
    post.edited_at = timezone.now()
    post.save(update_fields=["source", "html", "edited_at"])
    if post.topic.posts.order_by("created_at", "pk").first().pk == post.pk:
        post.topic.refresh_search_text(body)
        post.topic.save(update_fields=["search_text"])
    return post


def _is_opening(post: Post) -> bool:
    return not Post.objects.filter(topic_id=post.topic_id, created_at__lt=post.created_at).exists()


def _recount(topic_id: int) -> None:
    """Count the topic's shown posts again, after one was hidden, shown or approved.

    Topic pages are numbered from ``reply_count``, so it must not drift: the topic row is
    locked first (as ``post_reply`` locks it), and the count then sees every reply that
    committed before.
    """
    topic = Topic.objects.select_for_update().get(pk=topic_id)
    shown = topic.posts.shown()
    topic.reply_count = max(shown.count() - 1, 0)
    last = shown.order_by("-created_at", "-pk").values("created_at", "author").first()
    if last:
        topic.last_posted_at, topic.last_poster_id = last["created_at"], last["author"]
    topic.save(update_fields=["reply_count", "last_posted_at", "last_poster"])


@transaction.atomic
def post_delete(*, post: Post, by) -> Post:
    """The author's deletion: a tombstone in the thread, the text kept for moderators."""
    post = Post.objects.select_for_update().select_related("topic__platform").get(pk=post.pk)
    access = access_for(by, post.topic.platform)
    if post.author_id != by.pk and not access.can_moderate:
        raise PermissionDenied(_("You can delete only your own posts."))
    if post.deleted_at is None:
        post.deleted_at = timezone.now()
        post.save(update_fields=["deleted_at"])
    return post


@transaction.atomic
def post_set_hidden(*, post: Post, by, hidden: bool, reason: str = "") -> Post:
    post = Post.objects.select_for_update().select_related("topic__platform").get(pk=post.pk)
    if not access_for(by, post.topic.platform).can_moderate:
        raise PermissionDenied(_("Only the platform's moderators hide posts."))
    if _is_opening(post):
        topic_set_hidden(topic=post.topic, by=by, hidden=hidden)
    post.hidden_at = timezone.now() if hidden else None
    post.hidden_by = by if hidden else None
    post.hide_reason = reason.strip()[:200] if hidden else ""
    post.save(update_fields=["hidden_at", "hidden_by", "hide_reason"])
    _recount(post.topic_id)
    return post


@transaction.atomic
def post_approve(*, post: Post, by) -> Post:
    post = Post.objects.select_for_update().select_related("topic__platform").get(pk=post.pk)
    platform = post.topic.platform
    if not access_for(by, platform).can_moderate:
        raise PermissionDenied(_("Only the platform's moderators approve posts."))
    if post.approved:
        return post
    post.approved = True
    post.save(update_fields=["approved"])
    Membership.objects.filter(platform=platform, user=post.author).update(
        approved_posts=F("approved_posts") + 1
    )
    if _is_opening(post) and post.topic.hidden_by_id is None:
        Topic.objects.filter(pk=post.topic_id).update(hidden_at=None)
    _recount(post.topic_id)
    notifications.fan_out_later(post, render_post(platform, post.source)[1])
    return post


@transaction.atomic
def topic_set_hidden(*, topic: Topic, by, hidden: bool) -> Topic:
    topic = Topic.objects.select_for_update().select_related("platform").get(pk=topic.pk)
    if not access_for(by, topic.platform).can_moderate:
        raise PermissionDenied(_("Only the platform's moderators hide topics."))
    topic.hidden_at = timezone.now() if hidden else None
    topic.hidden_by = by if hidden else None
    topic.save(update_fields=["hidden_at", "hidden_by"])
    return topic


@transaction.atomic
def topic_update(*, topic: Topic, by, **changes) -> Topic:
    """Pin, lock or move a topic (``pinned``, ``locked``, ``category``)."""
    topic = Topic.objects.select_for_update().select_related("platform").get(pk=topic.pk)
    if not access_for(by, topic.platform).can_moderate:
        raise PermissionDenied(_("Only the platform's moderators can do this."))
    category = changes.get("category", topic.category)
    if category is not None and category.platform_id != topic.platform_id:
        raise ValidationError(_("Choose a category of this platform."))
    for field in ("pinned", "locked", "category"):
        if field in changes:
            setattr(topic, field, changes[field])
    topic.save(update_fields=[f for f in ("pinned", "locked", "category") if f in changes])
    return topic


@transaction.atomic
def topic_accept(*, topic: Topic, post: Post | None, by) -> Topic:
    """Mark a reply as the accepted answer (the topic's author or a moderator)."""
    topic = Topic.objects.select_for_update().select_related("platform").get(pk=topic.pk)
    access = access_for(by, topic.platform)
    if topic.author_id != by.pk and not access.can_moderate:
        raise PermissionDenied(_("Only the topic's author or a moderator can accept an answer."))
    if post is not None and (post.topic_id != topic.pk or _is_opening(post)):
        raise ValidationError(_("Choose a reply of this topic."))
    topic.accepted_post = post
    topic.save(update_fields=["accepted_post"])
    return topic


def topic_mark_read(*, topic: Topic, user, read_at=None) -> None:
    """The user has read the topic up to now. ``read_at``: when they last had, if known.

    Nothing is written when nothing was posted since: the marker would not move.
    """
    if not user.is_authenticated:
        return
    if read_at is not None and topic.last_posted_at is not None and read_at >= topic.last_posted_at:
        return
    now = timezone.now()
    with contextlib.suppress(IntegrityError):  # two tabs at once: the other one recorded it
        TopicRead.objects.update_or_create(user=user, topic=topic, defaults={"read_at": now})


def category_ensure(*, platform: PlatformPage, slug: str, name: str, sort_order: int = 0):
    category, _created = Category.objects.update_or_create(
        platform=platform.forum, slug=slug, defaults={"name": name, "sort_order": sort_order}
    )
    return category


def reverse_topic_url(topic: Topic) -> str:
    return topic.platform.url + topic.platform.reverse_subpage("topic", args=[topic.pk])


# --- reactions and flags ---------------------------------------------------------------

# Posts reported by this many members are hidden until a moderator looks.
FLAGS_TO_HIDE = 3


@transaction.atomic
def reaction_toggle(*, post: Post, user, kind: str) -> bool:
    """Add the reaction, or take it back if it was there; True when it is now on."""
    from .models import Reaction, ReactionKind

    post = Post.objects.select_related("topic__platform").get(pk=post.pk)
    access = access_for(user, post.topic.platform)
    if kind not in ReactionKind.values or not (access.is_member or access.is_admin):
        raise PermissionDenied(_("Only members can react."))
    if post.author_id == user.pk or post.is_tombstone:
        raise ValidationError(_("You cannot react to this post."))
    deleted, _rows = Reaction.objects.filter(post=post, user=user, kind=kind).delete()
    if deleted:
        return False
    Reaction.objects.create(post=post, user=user, kind=kind)
    return True


@transaction.atomic
def flag_create(*, post: Post, reporter, reason: str, note: str = ""):
    from .models import Flag, FlagReason

    post = Post.objects.select_for_update().select_related("topic__platform").get(pk=post.pk)
    access = access_for(reporter, post.topic.platform)
    if not (access.is_member or access.is_admin) or post.author_id == reporter.pk:
        raise PermissionDenied(_("Only other members can report a post."))
    if reason not in FlagReason.values:
        raise ValidationError(_("Choose a reason."))
    flag, created = Flag.objects.get_or_create(
        post=post,
        reporter=reporter,
        defaults={"reason": reason, "note": note.strip()[:500]},
    )
    open_flags = Flag.objects.filter(post=post, resolved_at__isnull=True).count()
    if created and open_flags >= FLAGS_TO_HIDE and post.hidden_at is None:
        post.hidden_at = timezone.now()
        post.hide_reason = _("Hidden after reports, until a moderator reviews it.")
        post.save(update_fields=["hidden_at", "hide_reason"])
        _recount(post.topic_id)
    return flag


@transaction.atomic
def flags_resolve(*, post: Post, by, hide: bool) -> int:
    """Close every open report of a post: hide it, or dismiss them (and show it again)."""
    from .models import Flag

    post = Post.objects.select_related("topic__platform").get(pk=post.pk)
    if not access_for(by, post.topic.platform).can_moderate:
        raise PermissionDenied(_("Only the platform's moderators handle reports."))
    resolved = Flag.objects.filter(post=post, resolved_at__isnull=True).update(
        resolved_at=timezone.now(), resolved_by=by, outcome="hidden" if hide else "dismissed"
    )
    post_set_hidden(post=post, by=by, hidden=hide, reason=_("Reported") if hide else "")
    return resolved
