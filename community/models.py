"""Experience-exchange platforms: pages, membership, forum topics and posts.

A platform is a Wagtail page (translatable like any other); its members, topics
and posts belong to the platform in the site's first language, so every
translation of a platform shows the same forum. Nothing a member writes is ever
deleted: authors delete to a tombstone, moderators hide and restore, and edits
keep their previous text.
"""

from datetime import timedelta
from functools import cached_property
from importlib import import_module

from django import forms
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.pages import PAGE_TRANSLATABLE_FIELDS, IndexPage, SearchableMixin, with_source_fallback
from cms.text import normalise_arabic


class PlatformIndexPage(IndexPage):
    """Lists the platforms."""

    subpage_types = ["community.PlatformPage"]

    class Meta:
        verbose_name = _("platform index")

    def platforms(self):
        pages = PlatformPage.objects.live().public()
        return with_source_fallback(pages, self.locale).select_related("locale").order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["platforms"] = self.platforms()
        # Memberships belong to each platform's first-language page: keyed by the
        # translation key every language shares, they need no look-up per platform.
        context["my_memberships"] = (
            {
                membership.platform.translation_key: membership
                for membership in Membership.objects.filter(user=request.user).select_related(
                    "platform"
                )
            }
            if request.user.is_authenticated
            else {}
        )
        return context


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Anyone can read")
    MEMBERS = "members", _("Members only")


class JoinPolicy(models.TextChoices):
    OPEN = "open", _("Anyone signed in can join")
    REQUEST = "request", _("Join on request, approved by a coordinator")
    INVITE = "invite", _("By invitation only")


def _forum_route(pattern: str, view: str, name: str | None = None):
    """A route of PlatformPage served by ``community.<module>.<function>(request, page, …)``.

    The view modules are imported when a request comes, not with the models.
    """
    module, function = view.rsplit(".", 1)

    def serve(self, request, *args, **kwargs):
        views = import_module(f"community.{module}")
        return getattr(views, function)(request, self, *args, **kwargs)

    serve.__name__ = name or function
    return path(pattern, name=name or function)(serve)


class PlatformPage(RoutablePageMixin, SearchableMixin, Page):
    purpose = models.TextField(_("purpose"))
    audience = models.TextField(_("audience"), blank=True)
    goals = RichTextField(_("goals"), blank=True, features=["bold", "italic", "ul", "ol", "link"])
    work_plan = RichTextField(
        _("yearly work plan"), blank=True, features=["h3", "bold", "italic", "ul", "ol", "link"]
    )
    visibility = models.CharField(
        _("who can read"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    join_policy = models.CharField(
        _("joining"), max_length=10, choices=JoinPolicy.choices, default=JoinPolicy.REQUEST
    )
    post_approval = models.BooleanField(
        _("approve new members' first posts"),
        default=False,
        help_text=_("A moderator approves a member's first post before others see it."),
    )
    # Not "locked": Wagtail's Page already uses that name for editing locks.
    forum_closed = models.BooleanField(
        _("forum closed"), default=False, help_text=_("Members can read but no one can post.")
    )

    events = ParentalManyToManyField(
        "events.EventPage",
        blank=True,
        related_name="platforms",
        verbose_name=_("workshops and events"),
        help_text=_("The platform's workshops and meetings, from the site's events."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("purpose"),
        FieldPanel("audience"),
        FieldPanel("goals"),
        FieldPanel("work_plan"),
        FieldPanel("events", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldPanel("visibility"),
                FieldPanel("join_policy"),
                FieldPanel("post_approval"),
                FieldPanel("forum_closed"),
            ],
            heading=_("Membership and forum"),
        ),
    ]
    parent_page_types = ["community.PlatformIndexPage"]
    subpage_types: list[str] = []
    override_translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("purpose"),
        TranslatableField("audience"),
        TranslatableField("goals"),
        TranslatableField("work_plan"),
        SynchronizedField("visibility"),
        SynchronizedField("join_policy"),
        SynchronizedField("post_approval"),
        SynchronizedField("forum_closed"),
        SynchronizedField("events"),
    ]

    class Meta:
        verbose_name = _("experience-exchange platform")

    def search_text_parts(self) -> list[str]:
        return [*super().search_text_parts(), self.purpose, self.audience]

    @cached_property
    def forum(self) -> "PlatformPage":
        """The platform in the first language: it owns members, topics and posts.

        Views ask for it many times a request; it is looked up once per page object.
        """
        from cms.pages import default_locale

        source_locale = default_locale()
        if self.locale_id == source_locale.pk:
            return self
        source = PlatformPage.objects.filter(
            translation_key=self.translation_key, locale=source_locale
        ).first()
        return source or self

    # The forum lives under the platform's URL: each route calls a view function with
    # (request, page, **url arguments); see _forum_route.
    home = _forum_route("", "views.platform_home", "home")
    join = _forum_route("join/", "views.join")
    leave = _forum_route("leave/", "views.leave")
    members = _forum_route("members/", "views.members")
    manage = _forum_route("manage/", "views.manage")
    manage_member = _forum_route("manage/<int:membership_id>/<slug:action>/", "views.manage_member")
    withdraw_invitation = _forum_route(
        "manage/invitations/<int:invitation_id>/withdraw/", "views.withdraw_invitation"
    )
    new_topic = _forum_route("topics/new/", "views.new_topic")
    topic = _forum_route("topics/<int:topic_id>/", "views.topic")
    topic_action = _forum_route("topics/<int:topic_id>/<slug:action>/", "views.topic_action")
    post = _forum_route("posts/<int:post_id>/", "views.post_link", "post")
    edit_post = _forum_route("posts/<int:post_id>/edit/", "views.edit_post")
    post_action = _forum_route("posts/<int:post_id>/<slug:action>/", "views.post_action")
    attachment = _forum_route("attachments/<int:attachment_id>/", "views.attachment")
    resource_list = _forum_route("resources/", "resources.resource_list")
    new_resource = _forum_route("resources/new/", "resources.resource_edit", "new_resource")
    edit_resource = _forum_route(
        "resources/<int:resource_id>/edit/", "resources.resource_edit", "edit_resource"
    )
    resource_file = _forum_route("resources/<int:resource_id>/file/", "resources.resource_file")
    queue = _forum_route("queue/", "views.queue")


class Role(models.TextChoices):
    MEMBER = "member", _("Member")
    MODERATOR = "moderator", _("Moderator")
    COORDINATOR = "coordinator", _("Coordinator")


class MembershipStatus(models.TextChoices):
    PENDING = "pending", _("Asked to join")
    INVITED = "invited", _("Invited")
    ACTIVE = "active", _("Member")
    REJECTED = "rejected", _("Request declined")
    LEFT = "left", _("Left")
    BANNED = "banned", _("Banned")


class Membership(models.Model):
    platform = models.ForeignKey(PlatformPage, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=MembershipStatus.choices,
        default=MembershipStatus.PENDING,
    )
    message = models.TextField(_("message"), blank=True)
    decision_message = models.TextField(_("reply"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    show_email = models.BooleanField(_("show my e-mail address to members"), default=False)
    # Posts of this member that a moderator approved (the approval queue looks at the first).
    approved_posts = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    joined_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("membership")
        constraints = [
            models.UniqueConstraint(fields=["platform", "user"], name="one_membership_per_platform")
        ]
        indexes = [models.Index(fields=["platform", "status", "role"])]

    def __str__(self) -> str:
        return f"{self.user} — {self.platform} ({self.get_status_display()})"

    @property
    def is_active(self) -> bool:
        return self.status == MembershipStatus.ACTIVE

    @property
    def can_moderate(self) -> bool:
        return self.is_active and self.role in (Role.MODERATOR, Role.COORDINATOR)


# An invitation to an address without an account lapses this long after its last e-mail.
INVITATION_DAYS = 90


class PlatformInvitationQuerySet(models.QuerySet):
    def waiting(self):
        """Neither accepted nor withdrawn, and not lapsed."""
        lapsed = timezone.now() - timedelta(days=INVITATION_DAYS)
        return self.filter(accepted_at=None, withdrawn_at=None, sent_at__gte=lapsed)


class PlatformInvitation(models.Model):
    """A coordinator's invitation to an address that has no account yet.

    It waits until someone confirms that address on an account (signing up with it,
    or adding it to an existing account), and then becomes an ordinary invitation
    of that account (a ``Membership`` with status *invited*), accepted on the
    platform's page. Coordinators withdraw it until then; it lapses after
    ``INVITATION_DAYS`` from the last e-mail sent.
    """

    platform = models.ForeignKey(
        PlatformPage, on_delete=models.CASCADE, related_name="address_invitations"
    )
    email = models.EmailField(_("e-mail address"))
    # The coordinator's language when inviting: the e-mail is written in it.
    language = models.CharField(max_length=10, default="ar")
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(default=timezone.now)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    objects = PlatformInvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation by e-mail")
        constraints = [
            models.UniqueConstraint(
                fields=["platform", "email"],
                condition=models.Q(accepted_at__isnull=True, withdrawn_at__isnull=True),
                name="one_open_invitation_per_platform_address",
            )
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.platform}"

    @property
    def expires_at(self):
        return self.sent_at + timedelta(days=INVITATION_DAYS)


class Category(models.Model):
    platform = models.ForeignKey(PlatformPage, on_delete=models.CASCADE, related_name="categories")
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(max_length=60, allow_unicode=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("forum category")
        verbose_name_plural = _("forum categories")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["platform", "slug"], name="category_slug_per_platform")
        ]

    def __str__(self) -> str:
        return self.name


class TopicQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(hidden_at__isnull=True)


class Topic(models.Model):
    platform = models.ForeignKey(PlatformPage, on_delete=models.CASCADE, related_name="topics")
    category = models.ForeignKey(
        Category, null=True, blank=True, on_delete=models.SET_NULL, related_name="topics"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="topics"
    )
    title = models.CharField(_("title"), max_length=200)
    created_at = models.DateTimeField(default=timezone.now)
    last_posted_at = models.DateTimeField(default=timezone.now)
    last_poster = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Visible replies (the opening post not counted); kept by the services.
    reply_count = models.PositiveIntegerField(default=0)
    pinned = models.BooleanField(_("pinned"), default=False)
    locked = models.BooleanField(_("locked"), default=False)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    accepted_post = models.ForeignKey(
        "Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Title and opening post folded by normalise_arabic, for search within the platform.
    search_text = models.TextField(blank=True, editable=False)

    objects = TopicQuerySet.as_manager()

    class Meta:
        verbose_name = _("topic")
        ordering = ["-pinned", "-last_posted_at"]
        indexes = [models.Index(fields=["platform", "hidden_at", "pinned", "last_posted_at"])]

    def __str__(self) -> str:
        return self.title

    def refresh_search_text(self, body: str = "") -> None:
        self.search_text = normalise_arabic(f"{self.title} {body}")


class PostQuerySet(models.QuerySet):
    def shown(self):
        """Posts everyone who can read the topic sees (tombstones included, as tombstones)."""
        return self.filter(hidden_at__isnull=True, approved=True)


class Post(models.Model):
    # No index of its own: post_topic_reading_order starts with the topic and serves its
    # lookups. With other indexes on the topic beside it, PostgreSQL reading outdated
    # statistics (a topic that grew since the last ANALYZE) fetched all of a topic's posts
    # and sorted them for every page: 3.5 ms instead of 0.06 for a topic of 3,000 posts.
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="posts", db_index=False)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    source = models.TextField(_("text"))
    html = models.TextField(editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    # The author's own deletion: the post stays as a tombstone, its text kept for moderators.
    deleted_at = models.DateTimeField(null=True, blank=True)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hide_reason = models.CharField(max_length=200, blank=True)
    # False while the post waits in the approval queue.
    approved = models.BooleanField(default=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        verbose_name = _("post")
        ordering = ["created_at", "pk"]
        indexes = [
            # A topic's page in reading order, without sorting all its posts: long topics
            # cost the same per page as short ones. The only index that starts with the
            # topic (see ``topic``).
            models.Index(fields=["topic", "created_at", "id"], name="post_topic_reading_order"),
            # The moderators' approval queue: the few posts waiting, not the whole forum.
            models.Index(
                fields=["created_at"],
                name="post_awaiting_approval",
                condition=models.Q(approved=False, hidden_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.topic} #{self.pk}"

    @property
    def is_tombstone(self) -> bool:
        return self.deleted_at is not None


class PostRevision(models.Model):
    """A post's text before an edit."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    source = models.TextField()
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.post} @ {self.created_at:%Y-%m-%d %H:%M}"


class TopicRead(models.Model):
    """How far a member has read a topic: unread marks and "jump to first unread"."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="reads")
    read_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "topic"], name="one_read_per_topic")]

    def __str__(self) -> str:
        return f"{self.user} read {self.topic} at {self.read_at:%Y-%m-%d %H:%M}"


class Level(models.TextChoices):
    WATCHING = "watching", _("Watching: e-mail me about every reply")
    NORMAL = "normal", _("Normal: mentions, and new topics in the daily digest")
    MUTED = "muted", _("Muted: nothing")


class Subscription(models.Model):
    """How closely a member follows a platform (new topics) or one topic (replies)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_subscriptions"
    )
    platform = models.ForeignKey(
        PlatformPage, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    topic = models.ForeignKey(
        Topic, null=True, blank=True, on_delete=models.CASCADE, related_name="subscriptions"
    )
    level = models.CharField(max_length=10, choices=Level.choices, default=Level.NORMAL)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "platform"],
                condition=models.Q(topic__isnull=True),
                name="one_platform_subscription",
            ),
            models.UniqueConstraint(
                fields=["user", "topic"],
                condition=models.Q(topic__isnull=False),
                name="one_topic_subscription",
            ),
            models.CheckConstraint(
                condition=models.Q(platform__isnull=False) | models.Q(topic__isnull=False),
                name="subscription_has_a_target",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.level} {self.topic or self.platform}"


class NotificationKind(models.TextChoices):
    REPLY = "reply", _("New reply")
    MENTION = "mention", _("Mention")
    TOPIC = "topic", _("New topic")


class Notification(models.Model):
    """One event for one member; its text is drawn from the post when shown, never stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=10, choices=NotificationKind.choices)
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read_at"])]
        constraints = [
            models.UniqueConstraint(fields=["user", "post"], name="one_notification_per_post")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} → {self.user}"


class ReactionKind(models.TextChoices):
    LIKE = "like", "👍"
    THANKS = "thanks", "🙏"
    INSIGHT = "insight", "💡"
    AGREE = "agree", "✅"


class Reaction(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=ReactionKind.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "user", "kind"], name="one_reaction_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.user} → {self.post}"


class FlagReason(models.TextChoices):
    OFF_TOPIC = "off_topic", _("Off topic")
    ABUSE = "abuse", _("Insulting or abusive")
    SPAM = "spam", _("Spam or advertising")
    PRIVATE = "private", _("Reveals private information")
    OTHER = "other", _("Something else")


class Flag(models.Model):
    """A member's report of a post; moderators resolve it by hiding the post or dismissing it."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="flags")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=12, choices=FlagReason.choices)
    note = models.CharField(_("note"), max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    outcome = models.CharField(max_length=10, blank=True)  # "hidden" or "dismissed"

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["post", "reporter"], name="one_flag_per_reporter")
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()}: {self.post}"


class Attachment(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="attachments")
    file = models.CharField(max_length=200)  # name in private storage (attachments.py)
    name = models.CharField(max_length=200)
    size = models.PositiveIntegerField()
    content_type = models.CharField(max_length=120)
    is_image = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class ResourceKind(models.TextChoices):
    GUIDE = "guide", _("Guide")
    POSITION_PAPER = "position", _("Position paper")
    REPORT = "report", _("Report")
    TEMPLATE = "template", _("Template or form")
    PRESENTATION = "presentation", _("Presentation")
    OTHER = "other", _("Other")


class Resource(models.Model):
    """A document the platform produced or shares: guide, position paper, report…"""

    platform = models.ForeignKey(PlatformPage, on_delete=models.CASCADE, related_name="resources")
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=ResourceKind.choices)
    description = models.TextField(_("description"), blank=True)
    version = models.CharField(_("version"), max_length=30, blank=True, default="1.0")
    authors = models.CharField(_("authors"), max_length=300, blank=True)
    file = models.CharField(max_length=200, blank=True)  # name in private storage
    file_name = models.CharField(max_length=200, blank=True)
    file_size = models.PositiveIntegerField(default=0)
    published = models.BooleanField(_("published"), default=False)
    source_topic = models.ForeignKey(
        Topic, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("resource")
        ordering = ["-updated_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.title} ({self.version})" if self.version else self.title
