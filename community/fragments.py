"""Each forum post's HTML, kept in the cache under a digest of everything it shows.

A topic page shows twenty posts, and rendering them was most of what the page cost a
signed-in reader (about half of 46 ms of CPU at scale 1). What ``_post.html`` prints of
a post is a function of the post, its author, its attachments, what the view decided
for this reader (``views._post_rows``: rights, reactions, unread, dates) and the page's
words in the active language. The key is a digest of exactly those and of the
template's own source, so an edit, a reaction, a change of the reader's rights or of
the language renders afresh and nothing is ever invalidated by hand; readers in the
same position (most members, once they have read the topic) share the fragments.

A post's attachments are the exception: they are stored with the post, in the same
transaction, and nothing changes them after, so the post's id stands for them. They are
read only for the posts rendered afresh: a topic page found in the cache makes one
query fewer.

The forms' CSRF token is the one thing particular to a session: fragments are rendered
with a NUL character where the token goes (no post, name or file name can hold one:
Markdown turns it into U+FFFD and Django's forms refuse it), and the reader's own token
takes its place on the way out.
"""

import functools
import hashlib
import logging
from pathlib import Path

from django.core.cache import cache
from django.db.models import prefetch_related_objects
from django.middleware.csrf import get_token
from django.template.loader import get_template, render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

TEMPLATE = "community/_post.html"

logger = logging.getLogger(__name__)

SECONDS = 3600
# Where the reader's CSRF token goes in a cached fragment (see above).
MARK = "\x00"
MARKED_INPUT = mark_safe(f'<input type="hidden" name="csrfmiddlewaretoken" value="{MARK}">')  # noqa: S308


@functools.cache
def _template_digest() -> str:
    """The post template's source: a deployment that changes it makes new keys."""
    origin = get_template(TEMPLATE).origin.name
    return hashlib.blake2b(Path(origin).read_bytes(), digest_size=8).hexdigest()


def _digest(facts) -> str:
    return hashlib.blake2b(repr(facts).encode(), digest_size=16).hexdigest()


def _key(row: dict, page_digest: str) -> str:
    post, author = row["post"], row["post"].author
    facts = (
        page_digest,
        (
            post.pk,
            post.html,
            bool(post.edited_at),
            post.approved,
            bool(post.hidden_at),
            post.is_tombstone,
        ),
        (author.display_name, author.handle, str(author.municipality or "")),
        tuple(row["reactions"] or ()),
        tuple(
            row[name]
            for name in (
                "classes",
                "accepted",
                "show_files",
                "unread",
                "created_iso",
                "created",
                "can_react",
                "can_quote",
                "can_edit",
                "can_delete",
                "can_accept",
                "can_report",
            )
        ),
    )
    return f"post-html:{_digest(facts)}"


def posts_html(request, rows: list[dict], context: dict) -> list[SafeString]:
    """The HTML of each row's post, from the cache where the same post was shown alike.

    ``context`` holds what the template reads besides the row: ``access``,
    ``can_reply``, ``posts`` (the page), ``platform_url``, ``labels`` and
    ``flag_reasons``.
    """
    user = request.user
    access = context["access"]
    # What every post of the page shares, digested once for the page.
    page_digest = _digest(
        (
            _template_digest(),
            translation.get_language(),
            user.is_authenticated,
            access.can_moderate,
            access.is_member,
            context["can_reply"],
            context["posts"].number,
            context["platform_url"],
            tuple(sorted(context["labels"].items())),
            context["flag_reasons"],
        )
    )
    keys = [_key(row, page_digest) for row in rows]
    try:
        found = cache.get_many(keys)
    except Exception:  # the cache is down: render them all
        logger.warning("Cache unavailable: post fragments rendered afresh", exc_info=True)
        found = {}
    missing = {}
    to_render = [(key, row) for key, row in zip(keys, rows, strict=True) if key not in found]
    # The attachments of the posts rendered here, in one query for them all.
    shown = [row["post"] for _key, row in to_render if row["show_files"]]
    prefetch_related_objects(shown, "attachments")
    for key, row in to_render:
        files = list(row["post"].attachments.all()) if row["show_files"] else ()
        found[key] = missing[key] = render_to_string(
            TEMPLATE,
            context | {"row": row | {"files": files}, "user": user, "csrf_input": MARKED_INPUT},
        )
    if missing:
        try:
            cache.set_many(missing, SECONDS)
        except Exception:
            logger.warning("Cache unavailable: post fragments not kept", exc_info=True)
    token = get_token(request) if user.is_authenticated else ""
    # Rendered by the template (escaped there), or read back from what it rendered.
    return [mark_safe(found[key].replace(MARK, token)) for key in keys]  # noqa: S308
