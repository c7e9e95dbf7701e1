"""Forum posts: Markdown written by members, rendered to HTML that is safe to show.

The pipeline has four steps, each one a guard on its own:

1. markdown-it parses the post in CommonMark mode with raw HTML off (tables and
   strikethrough on, linkify and typographer off), so anything that looks like a
   tag is shown as text. Link destinations must pass a stricter check than
   markdown-it's own: after decoding, dropping invisible characters and NFKC, a
   scheme must be http, https or mailto.
2. A core rule works on the token stream: headings move down two levels (a post
   never has an h1 or h2), images become plain links (members attach images
   separately), table alignment styles go, block elements get dir="auto" (posts
   mix Arabic and Latin), and @mentions in plain text become links to profiles.
3. The tokens are rendered to HTML.
4. nh3 keeps only an explicit allow-list of tags, attributes, classes and URL
   schemes, and marks every link nofollow ugc.

Text itself is never normalised: Arabic letters and Arabic-Indic digits come
out as they went in.
"""

import re
import unicodedata
from collections.abc import Callable
from urllib.parse import unquote

import nh3
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

MentionResolver = Callable[[str], str | None]

# Not after a word character (e-mail addresses) nor another @; the handle may not
# end with "." or "-", so "@ahmad." at the end of a sentence still mentions ahmad.
MENTION = re.compile(r"(?<![\w@])@([A-Za-z0-9](?:[A-Za-z0-9_.-]{0,28}[A-Za-z0-9_]))(?![\w.-]*\w)")

URL_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"^([^/?#]*?):")

DIR_AUTO_TOKENS = frozenset(
    {"paragraph_open", "list_item_open", "blockquote_open", "heading_open", "th_open", "td_open"}
)
DIR_AUTO_TAGS = ("p", "li", "blockquote", "h3", "h4", "h5", "h6", "th", "td")

_CLEANER = nh3.Cleaner(
    tags={
        "p",
        "br",
        "strong",
        "em",
        "del",
        "s",
        "code",
        "pre",
        "blockquote",
        "ul",
        "ol",
        "li",
        "a",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
    },
    clean_content_tags={"script", "style"},
    attributes={"a": {"href", "title"}, "ol": {"start"}},
    tag_attribute_values={tag: {"dir": {"auto"}} for tag in DIR_AUTO_TAGS},
    allowed_classes={"a": {"mention"}},
    url_schemes=set(URL_SCHEMES),
    link_rel="nofollow ugc noopener noreferrer",
    strip_comments=True,
)


def _is_safe_url(url: str) -> bool:
    """Whether a (normalised) link destination has no scheme or an allowed one.

    Stricter than a browser on purpose: percent-escapes are decoded, invisible and
    control characters dropped and look-alike forms folded (NFKC) before the
    scheme is read, so "java%09script:", "ｊａｖａｓｃｒｉｐｔ:" and the like are refused.
    """
    text = unicodedata.normalize("NFKC", unquote(url))
    text = "".join(char for char in text if not _is_invisible(char)).lower()
    match = _SCHEME.match(text)
    return match is None or match.group(1) in URL_SCHEMES


def _is_invisible(char: str) -> bool:
    # Control (Cc), format (Cf: zero-width joiners, bidi overrides) and separators.
    return char.isspace() or unicodedata.category(char) in {"Cc", "Cf", "Zs", "Zl", "Zp"}


class _ForumMarkdown(MarkdownIt):
    def validateLink(self, url: str) -> bool:  # markdown-it's name
        return super().validateLink(url) and _is_safe_url(url)


def _adjust_blocks(state: StateCore) -> None:
    for token in state.tokens:
        if token.type in {"heading_open", "heading_close"}:
            token.tag = f"h{min(int(token.tag[1]) + 2, 6)}"
        if token.type in {"th_open", "td_open"}:
            token.attrs.pop("style", None)
        if token.type in DIR_AUTO_TOKENS:
            token.attrSet("dir", "auto")


def _image_as_link(image: Token, in_link: bool) -> list[Token]:
    """An image becomes a link to it, labelled with its alt text (or only the text)."""
    src = str(image.attrGet("src") or "")
    label = image.children or [Token("text", "", 0, content=src)]
    if in_link or not src:
        return label
    link_open = Token("link_open", "a", 1, attrs={"href": src})
    if image.attrGet("title"):
        link_open.attrSet("title", str(image.attrGet("title")))
    return [link_open, *label, Token("link_close", "a", -1)]


def _mention_tokens(text: str, resolve: MentionResolver, found: set[str]) -> list[Token]:
    tokens: list[Token] = []
    position = 0
    for match in MENTION.finditer(text):
        handle = match.group(1)
        url = resolve(handle)
        if not url:
            continue
        if match.start() > position:
            tokens.append(Token("text", "", 0, content=text[position : match.start()]))
        tokens.extend(
            [
                Token("link_open", "a", 1, attrs={"href": url, "class": "mention"}),
                Token("text", "", 0, content=f"@{handle}"),
                Token("link_close", "a", -1),
            ]
        )
        found.add(handle.lower())
        position = match.end()
    if position < len(text):
        tokens.append(Token("text", "", 0, content=text[position:]))
    return tokens


def _inline_rules(state: StateCore) -> None:
    resolve: MentionResolver | None = state.env.get("resolve_mention")
    found: set[str] = state.env["mentions"]
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children: list[Token] = []
        in_link = False
        for token in block.children:
            if token.type in {"link_open", "link_close"}:
                in_link = token.type == "link_open"
            if token.type == "image":
                children.extend(_image_as_link(token, in_link))
            elif token.type == "text" and resolve and not in_link and "@" in token.content:
                children.extend(_mention_tokens(token.content, resolve, found))
            else:
                children.append(token)
        block.children = children


_MARKDOWN = _ForumMarkdown(
    "commonmark", {"html": False, "linkify": False, "typographer": False}
).enable(["table", "strikethrough"])
_MARKDOWN.core.ruler.push("forum_blocks", _adjust_blocks)
_MARKDOWN.core.ruler.push("forum_inline", _inline_rules)


def render_markdown(
    source: str, *, resolve_mention: MentionResolver | None = None
) -> tuple[str, set[str]]:
    """Markdown to sanitised HTML; returns (html, handles of the users mentioned)."""
    if not source or not source.strip():
        return "", set()
    env = {"resolve_mention": resolve_mention, "mentions": set()}
    html = _MARKDOWN.render(source, env)
    return _CLEANER.clean(html), env["mentions"]
