"""The forum of a platform: routes of ``PlatformPage`` (see models.py).

``page`` is the platform in the visitor's language; ``page.forum`` is the one
that owns members, topics and posts. Each view asks permissions.py first; a
members-only platform answers 404 to anyone who may not read it, so not even
its topic titles leak.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import dateformat, formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_POST

from cms.pages import localize_all, paginate

from . import fragments, selectors, services
from .models import (
    Category,
    FlagReason,
    Level,
    Membership,
    MembershipStatus,
    PlatformInvitation,
    Post,
    Role,
    Subscription,
    Topic,
)
from .permissions import access_for, can_edit_post, can_join, can_post, can_read

TOPICS_PER_PAGE = 20
POSTS_PER_PAGE = 20


def _url(page, name: str = "home", *args) -> str:
    return page.url + page.reverse_subpage(name, args=args)


def _render(request, page, template: str, context: dict):
    access = context.get("access") or access_for(request.user, page.forum)
    base = page.get_context(request)
    base.update(
        {
            "page": page,
            "forum": page.forum,
            "access": access,
            "can_post": can_post(access, page.forum),
            "can_join": can_join(access, page.forum),
            "platform_url": _url(page),
        }
    )
    base["levels"] = Level.choices
    base.update(context)
    return TemplateResponse(request, f"community/{template}", base)


def _readable(request, page):
    """The visitor's access, or 404 when they may not read this platform."""
    access = access_for(request.user, page.forum)
    if not can_read(access, page.forum):
        raise Http404
    return access


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def platform_home(request, page):
    forum = page.forum
    access = access_for(request.user, forum)
    context = {
        "access": access,
        "readable": can_read(access, forum),
        "events": localize_all(forum.events.live().order_by("-start")[:10]),
        "coordinators": Membership.objects.filter(
            platform=forum, status=MembershipStatus.ACTIVE, role=Role.COORDINATOR
        ).select_related("user", "user__municipality"),
    }
    if access.is_member:
        context["level"] = (
            Subscription.objects.filter(user=request.user, platform=forum, topic__isnull=True)
            .values_list("level", flat=True)
            .first()
            or Level.NORMAL
        )
    if context["readable"]:
        category = None
        if slug := request.GET.get("category"):
            category = Category.objects.filter(platform=forum, slug=slug).first()
        query = request.GET.get("q", "").strip()[:200]
        topics = selectors.topics_for(
            platform=forum,
            user=request.user,
            can_moderate=access.can_moderate,
            category=category,
            query=query,
        )
        context.update(
            {
                "topics": paginate(request, topics, TOPICS_PER_PAGE),
                "categories": forum.categories.all(),
                "category": category,
                "query": query,
                "waiting": selectors.approval_queue(platform=forum).count()
                + selectors.open_flags(platform=forum).values("post_id").distinct().count()
                if access.can_moderate
                else 0,
                "pending": selectors.pending_requests(platform=forum).count()
                if access.can_coordinate
                else 0,
            }
        )
    return _render(request, page, "platform_page.html", context)


@require_POST
def join(request, page):
    if not request.user.is_authenticated:
        return redirect_to_login(_url(page))
    try:
        membership = services.membership_request(
            user=request.user, platform=page, message=request.POST.get("message", "")
        )
    except PermissionDenied as error:
        messages.error(request, str(error))
    else:
        if membership.status == MembershipStatus.ACTIVE:
            messages.success(request, _("Welcome to the platform!"))
        else:
            messages.success(
                request, _("Your request has been sent. A coordinator will answer it.")
            )
    return redirect(_url(page))


@require_POST
def leave(request, page):
    if not request.user.is_authenticated:
        raise PermissionDenied
    membership = get_object_or_404(Membership, platform=page.forum, user=request.user)
    try:
        services.membership_leave(membership=membership)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("You have left the platform."))
    return redirect(_url(page))


def members(request, page):
    access = access_for(request.user, page.forum)
    if not (access.is_member or access.is_admin):
        raise Http404
    if request.method == "POST":  # the member's own directory setting
        access.membership.show_email = request.POST.get("show_email") == "on"
        access.membership.save(update_fields=["show_email"])
        messages.success(request, _("Your directory setting is saved."))
        return redirect(_url(page, "members"))
    directory = paginate(request, selectors.member_directory(platform=page.forum), 50)
    return _render(request, page, "members.html", {"access": access, "members": directory})


def manage(request, page):
    forum = page.forum
    access = access_for(request.user, forum)
    if not access.can_coordinate:
        raise Http404
    if request.method == "POST":
        try:
            invited = services.membership_invite(
                platform=forum, email=request.POST.get("email", ""), by=request.user
            )
        except ValidationError as error:
            messages.error(request, _error_text(error))
        else:
            if isinstance(invited, PlatformInvitation):
                text = _(
                    "No account uses %(email)s yet: an invitation to sign up is e-mailed to"
                    " it. They join from the platform's page once their address is confirmed."
                ) % {"email": invited.email}
            else:
                text = _("%(name)s is invited and can join from the platform's page.") % {
                    "name": invited.user.display_name
                }
            messages.success(request, text)
        return redirect(_url(page, "manage"))
    addresses, accounts = selectors.open_invitations(platform=forum)
    context = {
        "access": access,
        "invited_addresses": addresses,
        "invited_accounts": accounts,
        "pending": selectors.pending_requests(platform=forum),
        "members": selectors.member_directory(platform=forum),
        "banned": Membership.objects.filter(platform=forum, status=MembershipStatus.BANNED)
        .select_related("user")
        .order_by("-decided_at"),
        "roles": Role.choices,
    }
    return _render(request, page, "manage.html", context)


@require_POST
def withdraw_invitation(request, page, invitation_id):
    forum = page.forum
    if not access_for(request.user, forum).can_coordinate:
        raise Http404
    invitation = get_object_or_404(PlatformInvitation, pk=invitation_id, platform=forum)
    try:
        services.invitation_withdraw(invitation=invitation, by=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(
            request, _("The invitation to %(email)s is withdrawn.") % {"email": invitation.email}
        )
    return redirect(_url(page, "manage"))


@require_POST
def manage_member(request, page, membership_id, action):
    forum = page.forum
    membership = get_object_or_404(Membership, pk=membership_id, platform=forum)
    message = request.POST.get("message", "")
    if not access_for(request.user, forum).can_moderate:
        raise Http404
    try:
        if action in ("approve", "reject"):
            services.membership_decide(
                membership=membership, by=request.user, approve=action == "approve", message=message
            )
        elif action == "role":
            services.membership_set_role(
                membership=membership, role=request.POST.get("role", ""), by=request.user
            )
        elif action in ("ban", "unban"):
            services.membership_ban(
                membership=membership, by=request.user, reason=message, ban=action == "ban"
            )
        else:
            raise Http404
    except (PermissionDenied, ValidationError) as error:
        text = _error_text(error) if isinstance(error, ValidationError) else str(error)
        messages.error(request, text or _("You cannot do this."))
    else:
        messages.success(request, _("Saved."))
    return redirect(_url(page, "manage"))


def new_topic(request, page):
    forum = page.forum
    access = _readable(request, page)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can_post(access, forum):
        raise PermissionDenied
    categories = forum.categories.all()
    values = {"title": "", "body": "", "category": ""}
    error = ""
    if request.method == "POST":
        values = {key: request.POST.get(key, "") for key in values}
        category = categories.filter(pk=values["category"]).first() if values["category"] else None
        try:
            topic = services.topic_create(
                platform=forum,
                author=request.user,
                title=values["title"],
                body=values["body"],
                category=category,
                files=request.FILES.getlist("attachments"),
            )
        except ValidationError as invalid:
            error = _error_text(invalid)
        else:
            if topic.hidden_at:
                messages.info(request, _("Your topic waits for a moderator's approval."))
                return redirect(_url(page))
            return redirect(_url(page, "topic", topic.pk))
    return _render(
        request,
        page,
        "new_topic.html",
        {"access": access, "categories": categories, "values": values, "error": error},
    )


def _quote(topic, post_id: int, access) -> str:
    """The reply box's start when quoting a post: its text as a Markdown quote."""
    post = (
        selectors.posts_for(topic=topic, user=None, can_moderate=access.can_moderate)
        .filter(pk=post_id, deleted_at__isnull=True)
        .first()
    )
    if post is None:
        return ""
    name = f"@{post.author.handle}" if post.author.handle else post.author.display_name
    lines = [f"{name}:", *post.source.splitlines()]
    return "\n".join(f"> {line}".rstrip() for line in lines) + "\n\n"


def topic(request, page, topic_id):
    forum = page.forum
    access = _readable(request, page)
    topic = get_object_or_404(
        selectors.topic_for_reader(user=request.user), pk=topic_id, platform=forum
    )
    if topic.hidden_at and not access.can_moderate:
        mine_waiting = (
            topic.author_id == getattr(request.user, "pk", None) and topic.hidden_by_id is None
        )
        if not mine_waiting:
            raise Http404
    body, error = "", ""
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        body = request.POST.get("body", "")
        try:
            post = services.post_reply(
                topic=topic,
                author=request.user,
                body=body,
                files=request.FILES.getlist("attachments"),
            )
        except ValidationError as invalid:
            error = _error_text(invalid)
        else:
            if not post.approved:
                messages.info(request, _("Your reply waits for a moderator's approval."))
            number = _page_of_new_post(request, topic, post, access)
            return redirect(f"{_url(page, 'topic', topic.pk)}?page={number}#post-{post.pk}")
    if request.method == "GET" and (quoted := request.GET.get("quote", "")).isdigit():
        body = _quote(topic, int(quoted), access) or body
    read_at = getattr(topic, "my_read_at", None)
    # Numbered from the topic's own counts: counting a long topic's posts on every view
    # cost more than the rest of the page. Later pages read from the end.
    posts = paginate(
        request,
        selectors.posts_for(topic=topic, user=request.user, can_moderate=access.can_moderate),
        POSTS_PER_PAGE,
        count=selectors.post_count(topic=topic, can_moderate=access.can_moderate),
        from_end=True,
    )
    services.topic_mark_read(topic=topic, user=request.user, read_at=read_at)
    shared = {
        "access": access,
        "posts": posts,
        "labels": _post_labels(),
        "platform_url": _url(page),
        # The same fieldset in every post's report form (members only): rendered once.
        "flag_reasons": render_to_string(
            "community/_flag_reasons.html", {"reasons": FlagReason.choices}
        )
        if access.is_member
        else "",
        "can_reply": can_post(access, forum)
        and (access.can_moderate or not (topic.locked or topic.hidden_at)),
    }
    rows = _post_rows(request, posts, topic=topic, access=access, read_at=read_at)
    return _render(
        request,
        page,
        "topic.html",
        shared
        | {
            "topic": topic,
            "post_html": fragments.posts_html(request, rows, shared),
            "body": body,
            "error": error,
            "categories": forum.categories.all() if access.can_moderate else (),
            "topic_url": _url(page, "topic", topic.pk),
            "level": getattr(topic, "my_level", None),
        },
    )


def _page_of_new_post(request, topic, post, access) -> int:
    """The page a reply just written is on, for its author: the last one."""
    user = request.user
    topic = selectors.topic_for_reader(user=user).get(pk=topic.pk)
    count = selectors.post_count(topic=topic, can_moderate=access.can_moderate)
    if count is None:
        posts = selectors.posts_for(topic=topic, user=user, can_moderate=access.can_moderate)
        count = posts.filter(created_at__lte=post.created_at).count()
    return max(count - 1, 0) // POSTS_PER_PAGE + 1


def post_link(request, page, post_id):
    """A post's lasting address: the page of its topic that shows it, to this reader.

    Notifications, e-mails and the moderators' queue link here, so a reply on the
    fifth page of a long topic opens the fifth page, at the reply.
    """
    access = _readable(request, page)
    post = get_object_or_404(Post, pk=post_id, topic__platform=page.forum)
    shown = selectors.posts_for(
        topic=post.topic_id, user=request.user, can_moderate=access.can_moderate
    )
    before = shown.filter(
        Q(created_at__lt=post.created_at) | Q(created_at=post.created_at, pk__lt=post.pk)
    ).count()
    number = before // POSTS_PER_PAGE + 1
    query = f"?page={number}" if number > 1 else ""
    return redirect(f"{_url(page, 'topic', post.topic_id)}{query}#post-{post.pk}")


def _post_labels() -> dict:
    """The words every post repeats, translated once for the page."""
    return {
        "edited": _("edited"),
        "new": _("New"),
        "accepted": _("Accepted answer"),
        "waiting": _("Waiting for approval"),
        "hidden": _("Hidden by a moderator"),
        "attachments": _("Attachments"),
        "reactions": _("Reactions"),
        "quote": pgettext("quote a post in a reply", "Quote"),
        "edit": _("Edit"),
        "delete": _("Delete"),
        "accept": _("Accept as the answer"),
        "report": _("Report"),
        "flag_note": _("Note for the moderators (optional)"),
        "send_report": _("Send the report"),
    }


def _post_rows(request, posts, *, topic, access, read_at) -> list[dict]:
    """What ``_post.html`` shows of each post on the page, decided here once.

    A topic page shows twenty posts, each with a dozen conditions on the reader
    (author, member, moderator, topic starter) and the post (deleted, hidden,
    waiting, accepted, new): deciding them in Python, not in the template, takes
    about a quarter off what a post costs to render (Python calls, measured).
    """
    user = request.user
    signed_in = user.is_authenticated
    reactions = selectors.reactions_for(posts=posts, user=user)
    rows = []
    for number, post in enumerate(posts):
        post.topic = topic  # read once, not once per post
        mine = signed_in and post.author_id == user.pk
        live = not post.is_tombstone
        accepted = topic.accepted_post_id == post.pk
        unread = bool(read_at and post.created_at > read_at)
        created = timezone.localtime(post.created_at)
        items = reactions.get(post.pk) if live else None
        classes = ["post"]
        classes += ["is-hidden"] if post.hidden_at else []
        classes += [] if post.approved else ["is-waiting"]
        classes += ["is-accepted"] if accepted else []
        classes += ["is-unread"] if unread else []
        rows.append(
            {
                "post": post,
                "classes": " ".join(classes),
                "accepted": accepted,
                "unread": unread,
                "created_iso": dateformat.format(created, "c"),
                "created": formats.date_format(created, "DATETIME_FORMAT"),
                # Read with the post's HTML, when it is not in the cache (fragments.py).
                "show_files": live or access.can_moderate,
                "reactions": items,
                "can_react": bool(items) and access.is_member and not mine,
                "can_quote": live,  # and the reader may reply (can_reply)
                "can_edit": signed_in and can_edit_post(access, post, user),
                "can_delete": live and mine,
                # Not the opening post: it asks the question.
                "can_accept": live
                and signed_in
                and not accepted
                and (number > 0 or posts.number > 1)
                and (topic.author_id == user.pk or access.can_moderate),
                "can_report": live and access.is_member and not mine,
            }
        )
    return rows


@require_POST
def topic_action(request, page, topic_id, action):
    forum = page.forum
    _readable(request, page)
    if not request.user.is_authenticated:
        raise PermissionDenied
    if action == "to-resource":
        from .resources import topic_to_resource

        return topic_to_resource(request, page, topic_id)
    topic = get_object_or_404(Topic, pk=topic_id, platform=forum)
    try:
        if action in ("pin", "unpin"):
            services.topic_update(topic=topic, by=request.user, pinned=action == "pin")
        elif action in ("lock", "unlock"):
            services.topic_update(topic=topic, by=request.user, locked=action == "lock")
        elif action == "move":
            category = Category.objects.filter(
                platform=forum, pk=request.POST.get("category") or 0
            ).first()
            services.topic_update(topic=topic, by=request.user, category=category)
        elif action in ("hide", "restore"):
            services.topic_set_hidden(topic=topic, by=request.user, hidden=action == "hide")
        elif action == "unaccept":
            services.topic_accept(topic=topic, post=None, by=request.user)
        else:
            raise Http404
    except ValidationError as error:
        messages.error(request, _error_text(error))
    return redirect(_url(page, "topic", topic.pk))


def edit_post(request, page, post_id):
    forum = page.forum
    access = _readable(request, page)
    post = get_object_or_404(
        Post.objects.select_related("topic"), pk=post_id, topic__platform=forum
    )
    if not request.user.is_authenticated or not can_edit_post(access, post, request.user):
        raise PermissionDenied
    body, error = post.source, ""
    if request.method == "POST":
        body = request.POST.get("body", "")
        try:
            services.post_edit(post=post, by=request.user, body=body)
        except ValidationError as invalid:
            error = _error_text(invalid)
        else:
            return redirect(_url(page, "post", post.pk))
    return _render(
        request,
        page,
        "edit_post.html",
        {
            "access": access,
            "post": post,
            "body": body,
            "error": error,
            "revisions": post.revisions.select_related("edited_by"),
        },
    )


@require_POST
def post_action(request, page, post_id, action):
    forum = page.forum
    _readable(request, page)
    if not request.user.is_authenticated:
        raise PermissionDenied
    post = get_object_or_404(
        Post.objects.select_related("topic"), pk=post_id, topic__platform=forum
    )
    try:
        if action == "delete":
            services.post_delete(post=post, by=request.user)
        elif action in ("hide", "restore"):
            services.post_set_hidden(
                post=post,
                by=request.user,
                hidden=action == "hide",
                reason=request.POST.get("reason", ""),
            )
        elif action == "approve":
            services.post_approve(post=post, by=request.user)
        elif action == "accept":
            services.topic_accept(topic=post.topic, post=post, by=request.user)
        elif action == "react":
            services.reaction_toggle(
                post=post, user=request.user, kind=request.POST.get("kind", "")
            )
        elif action == "flag":
            services.flag_create(
                post=post,
                reporter=request.user,
                reason=request.POST.get("reason", ""),
                note=request.POST.get("note", ""),
            )
            messages.success(request, _("Thank you: the moderators will look at this post."))
        elif action in ("flags-hide", "flags-dismiss"):
            services.flags_resolve(post=post, by=request.user, hide=action == "flags-hide")
        else:
            raise Http404
    except ValidationError as error:
        messages.error(request, _error_text(error))
    if request.POST.get("next") == "queue":
        return redirect(_url(page, "queue"))
    return redirect(_url(page, "post", post.pk))


def queue(request, page):
    access = access_for(request.user, page.forum)
    if not access.can_moderate:
        raise Http404
    return _render(
        request,
        page,
        "queue.html",
        {
            "access": access,
            "waiting": selectors.approval_queue(platform=page.forum),
            "flags": selectors.open_flags(platform=page.forum),
        },
    )


def attachment(request, page, attachment_id):
    """An attachment, to readers of the post it belongs to; never rendered by the browser."""
    from django.http import FileResponse

    from .attachments import private_storage
    from .models import Attachment

    access = _readable(request, page)
    item = get_object_or_404(
        Attachment.objects.select_related("post"),
        pk=attachment_id,
        post__topic__platform=page.forum,
    )
    post = item.post
    shown = post.approved and not (post.hidden_at or post.deleted_at)
    own_waiting = post.author_id == getattr(request.user, "pk", None) and not (
        post.hidden_at or post.deleted_at
    )
    if not (shown or own_waiting or access.can_moderate):
        raise Http404
    response = FileResponse(
        private_storage.open(item.file, "rb"),
        as_attachment=not item.is_image,
        filename=item.name,
        content_type=item.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    response["Cache-Control"] = "private, max-age=3600"
    return response
