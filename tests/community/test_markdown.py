"""Forum Markdown: what members write shows up, what attackers write does not run."""

import re
import unicodedata
from html.parser import HTMLParser
from urllib.parse import unquote

import pytest

from community.markdown import _CLEANER, render_markdown

MEMBERS = {"ahmad": "/members/ahmad/", "sara.k": "/members/sara.k/"}
REL = 'rel="nofollow ugc noopener noreferrer"'

ALLOWED_TAGS = {
    *("p", "br", "strong", "em", "del", "s", "code", "pre", "blockquote", "ul", "ol", "li"),
    *("a", "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td"),
}
ALLOWED_ATTRIBUTES = {"href", "title", "class", "rel", "dir", "start"}
FORBIDDEN_TAGS = (
    *("script", "iframe", "svg", "math", "img", "object", "embed", "form", "input"),
    *("base", "meta", "link", "style", "h1", "h2"),
)


def resolve(handle):
    return MEMBERS.get(handle.lower())


class Parsed(HTMLParser):
    """The tags, attributes and visible text of rendered HTML."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.attributes = []
        self.chunks = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.extend((tag, name, value or "") for name, value in attrs)

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        self.chunks.append(data)

    @property
    def text(self):
        return "".join(self.chunks)


def url_scheme(url):
    """The scheme a lenient browser might read, after every trick is undone."""
    text = unicodedata.normalize("NFKC", unquote(url))
    text = "".join(
        char for char in text if not char.isspace() and unicodedata.category(char)[0] != "C"
    )
    match = re.match(r"([^/?#]*?):", text.lower())
    return match.group(1) if match else None


def assert_safe(html):
    lowered = html.lower()
    for tag in FORBIDDEN_TAGS:
        assert f"<{tag}" not in lowered, tag
    parsed = Parsed(html)
    assert set(parsed.tags) <= ALLOWED_TAGS
    for tag, name, value in parsed.attributes:
        assert not name.startswith("on"), name
        assert name in ALLOWED_ATTRIBUTES, name
        if name == "href":
            assert tag == "a"
            assert url_scheme(value) in {None, "http", "https", "mailto"}, value
            assert not re.match(r"\s*(javascript|vbscript|data):", value, re.IGNORECASE)
        if name == "dir":
            assert value == "auto"
        if name == "class":
            assert value == "mention"
    return parsed


# --- Everyday Markdown ---------------------------------------------------------


def test_emphasis_and_strikethrough():
    html, _ = render_markdown("*light* **strong** ~~gone~~")
    assert html == '<p dir="auto"><em>light</em> <strong>strong</strong> <s>gone</s></p>\n'


def test_lists():
    html, _ = render_markdown("- one\n- two\n\n3. three\n4. four")
    assert '<ul>\n<li dir="auto">one</li>\n<li dir="auto">two</li>\n</ul>' in html
    assert '<ol start="3">\n<li dir="auto">three</li>' in html


def test_https_link_keeps_href_and_gets_rel():
    html, _ = render_markdown('[the plan](https://example.ps/plan?a=1&b=2 "Plan")')
    assert f'<a href="https://example.ps/plan?a=1&amp;b=2" title="Plan" {REL}>the plan</a>' in html


def test_mailto_link():
    html, _ = render_markdown("[write](mailto:info@example.ps)")
    assert f'<a href="mailto:info@example.ps" {REL}>write</a>' in html


def test_code_span_and_fenced_code_are_escaped():
    html, _ = render_markdown('`<b>&</b>`\n\n```html\n<script>alert("x")</script>\n```')
    assert "<code>&lt;b&gt;&amp;&lt;/b&gt;</code>" in html
    assert "<pre><code>&lt;script&gt;alert(" in html
    assert "class=" not in html
    assert_safe(html)


def test_blockquote_quoting_another_member():
    html, _ = render_markdown("> **@ahmad wrote:**\n> the meeting is on Monday\n\nAgreed.")
    assert html.startswith('<blockquote dir="auto">\n<p dir="auto"><strong>@ahmad wrote:')
    assert "the meeting is on Monday</p>\n</blockquote>" in html
    assert '<p dir="auto">Agreed.</p>' in html


def test_table_without_inline_styles():
    html, _ = render_markdown("| Town | Budget |\n|:-----|-------:|\n| Nablus | ١٢٠ |")
    assert '<th dir="auto">Town</th>' in html
    assert '<td dir="auto">Nablus</td>\n<td dir="auto">١٢٠</td>' in html
    assert "style" not in html


def test_image_becomes_a_link():
    html, _ = render_markdown("![site map](https://example.ps/map.png)")
    assert f'<a href="https://example.ps/map.png" {REL}>site map</a>' in html
    assert "<img" not in html


def test_members_cannot_set_dir_themselves():
    html, _ = render_markdown('<p dir="rtl" class="mention">x</p>')
    parsed = Parsed(html)
    assert parsed.attributes == [("p", "dir", "auto")]
    assert parsed.text.strip() == '<p dir="rtl" class="mention">x</p>'


# --- Arabic ----------------------------------------------------------------------


def test_arabic_paragraph_is_unchanged():
    text = "أعلنت البلديّة عن مناقصة جديدة لعام ٢٠٢٤ — التقديم حتى ١٥ آذار."
    html, _ = render_markdown(text)
    assert html == f'<p dir="auto">{text}</p>\n'


def test_mixed_arabic_and_latin_line_is_unchanged():
    text = "اجتماع مجلس Nablus Municipality يوم ٣ في قاعة B-12 (الطابق الثاني)"
    html, _ = render_markdown(f"{text}\n\n- بند **مهم** first")
    assert f'<p dir="auto">{text}</p>' in html
    assert '<li dir="auto">بند <strong>مهم</strong> first</li>' in html


# --- Mentions ----------------------------------------------------------------------


def test_resolved_mention_becomes_a_link():
    html, mentioned = render_markdown("Thanks @ahmad, see you.", resolve_mention=resolve)
    assert f'<a href="/members/ahmad/" class="mention" {REL}>@ahmad</a>, see you.' in html
    assert mentioned == {"ahmad"}


def test_unknown_handle_stays_text():
    html, mentioned = render_markdown("Thanks @nobody", resolve_mention=resolve)
    assert html == '<p dir="auto">Thanks @nobody</p>\n'
    assert mentioned == set()


def test_no_resolver_resolves_nothing():
    html, mentioned = render_markdown("Thanks @ahmad")
    assert "<a" not in html
    assert mentioned == set()


def test_mention_in_code_is_not_resolved():
    html, mentioned = render_markdown("`@ahmad`\n\n    @ahmad\n", resolve_mention=resolve)
    assert "<code>@ahmad</code>" in html
    assert "<pre><code>@ahmad\n</code></pre>" in html
    assert "mention" not in html
    assert mentioned == set()


def test_email_address_is_not_a_mention():
    html, mentioned = render_markdown("write to ahmad@example.ps", resolve_mention=resolve)
    assert html == '<p dir="auto">write to ahmad@example.ps</p>\n'
    assert mentioned == set()


def test_mention_inside_link_text_is_not_nested():
    html, mentioned = render_markdown("[@ahmad](https://example.ps/)", resolve_mention=resolve)
    assert html == f'<p dir="auto"><a href="https://example.ps/" {REL}>@ahmad</a></p>\n'
    assert mentioned == set()


def test_returned_handles_are_lowercased_and_unique():
    source = "@Ahmad and @sara.k. Also @ahmad again, in Arabic: شكراً @SARA.K"
    html, mentioned = render_markdown(source, resolve_mention=resolve)
    assert mentioned == {"ahmad", "sara.k"}
    assert '<a href="/members/sara.k/" class="mention"' in html
    assert ">@Ahmad</a>" in html
    assert ">@sara.k</a>." in html
    assert ">@SARA.K</a>" in html


def test_mention_after_arabic_letter_is_not_a_mention():
    html, mentioned = render_markdown("مرحبا@ahmad", resolve_mention=resolve)
    assert "mention" not in html
    assert mentioned == set()


# --- Headings and empty input --------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "tag"),
    [
        ("# Title", "h3"),
        ("## Title", "h4"),
        ("Title\n=====", "h3"),
        ("Title\n-----", "h4"),
        ("### Title", "h5"),
        ("###### Title", "h6"),
    ],
)
def test_headings_are_demoted(source, tag):
    html, _ = render_markdown(source)
    assert html == f'<{tag} dir="auto">Title</{tag}>\n'
    assert "<h1" not in html
    assert "<h2" not in html


@pytest.mark.parametrize("source", ["", "   ", "\n\t \n"])
def test_empty_input(source):
    assert render_markdown(source, resolve_mention=resolve) == ("", set())


# --- XSS ---------------------------------------------------------------------------

# (source, text that must still be visible)
XSS_VECTORS = [
    # OWASP filter evasion classics: raw HTML is off, so they all show as text.
    ("<script>alert(1)</script>", "alert(1)"),
    ("<SCRIPT SRC=http://xss.example/xss.js></SCRIPT>", "xss.js"),
    ("<ScRiPt>alert(1)</sCrIpT>", "alert(1)"),
    ("<IMG SRC=\"javascript:alert('XSS');\">", "alert('XSS')"),
    ("<IMG SRC=javascript:alert('XSS')>", "alert('XSS')"),
    ("<IMG SRC=JaVaScRiPt:alert('XSS')>", "alert('XSS')"),
    ("<img src=x onerror=alert(1)>", "onerror=alert(1)"),
    ('<IMG """><SCRIPT>alert("XSS")</SCRIPT>">', 'alert("XSS")'),
    ("<svg/onload=alert(1)>", "onload=alert(1)"),
    ("<svg><script>alert(1)</script></svg>", "alert(1)"),
    ("<body onload=alert(1)>", "onload=alert(1)"),
    ('<iframe src="javascript:alert(1)"></iframe>', "alert(1)"),
    (
        '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
        "alert(1)",
    ),
    (
        '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;'
        'alert(1)">x</a>',
        "alert(1)",
    ),
    (
        '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105'
        '&#0000112&#0000116&#0000058alert(1)">x</a>',
        "alert(1)",
    ),
    ("<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">", "alert('XSS')"),
    ('<div style="background:url(javascript:alert(1))">styled</div>', "styled"),
    ("<style>@import'http://x/x.css';</style>", "@import"),
    ('<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', "refresh"),
    ('<object data="javascript:alert(1)"></object>', "alert(1)"),
    ('<embed src="data:image/svg+xml;base64,PHN2Zy9vbmxvYWQ9YWxlcnQoMSk+">', "base64"),
    ("<form action=javascript:alert(1)><input type=submit></form>", "submit"),
    ('<base href="javascript:alert(1)//">', "alert(1)"),
    ("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", "onerror"),
    ('<noscript><p title="</noscript><img src=x onerror=alert(1)>">', "onerror"),
    ('<link rel="stylesheet" href="javascript:alert(1)">', "stylesheet"),
    ('<a href="javascript:alert(1)">click</a>', "click"),
    ("<details open ontoggle=alert(1)>", "ontoggle"),
    ('<p onmouseover="alert(1)">hover</p>', "hover"),
    ("<!--<img src=x onerror=alert(1)>-->", "onerror"),
    # Markdown link tricks: refused links stay readable as text.
    ("[x](javascript:alert(1))", "alert(1)"),
    ("[x](JaVaScRiPt:alert(1))", "alert(1)"),
    ("[x](  javascript:alert(1))", "alert(1)"),
    ("[x](java\tscript:alert(1))", "alert(1)"),
    ("[x](java&#x09;script:alert(1))", "alert(1)"),
    ("[x](&#106;avascript:alert(1))", "alert(1)"),
    ("[x](javascript&#58;alert(1))", "alert(1)"),
    ("[x](<javascript:alert(1)>)", "alert(1)"),
    ("[x](javascript://%0Aalert(1))", "alert(1)"),
    ("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "base64"),
    ("![x](data:image/png;base64,iVBORw0KGgo=)", "base64"),
    ("[x](vbscript:msgbox(1))", "msgbox(1)"),
    ("![x](javascript:alert(1))", "alert(1)"),
    ('![x](https://evil/x.png" onerror="alert(1))', "onerror"),
    ("[x][1]\n\n[1]: javascript:alert(1)", "alert(1)"),
    ("<javascript:alert(1)>", "alert(1)"),
    ("<JAVASCRIPT:alert(1)>", "alert(1)"),
    ('[x](https://ok.example "title\\" onmouseover=\\"alert(1)")', "x"),
    # Unicode tricks.
    ("[x](java\u0000script:alert(1))", "alert(1)"),
    ("[x](ｊａｖａｓｃｒｉｐｔ:alert(1))", "alert(1)"),
    ("[x](javascript\uff1aalert(1))", "alert(1)"),
    ("[x\u202e](https://ok.example/\u202egnp.exe)", "x"),
    ("[x](\u202ejavascript:alert(1))", "alert(1)"),
    ("[x](java\u200dscript:alert(1))", "alert(1)"),
    ("[x](j\u200ca\u200bv\u200da\ufeffscript:alert(1))", "alert(1)"),
    ("<scr\u0000ipt>alert(1)</scr\u0000ipt>", "alert(1)"),
    ("[x](j\u0430vascript:alert(1))", "alert(1)"),  # Cyrillic а
]


@pytest.mark.parametrize(("vector", "kept"), XSS_VECTORS)
def test_xss_vector_is_neutralised(vector, kept):
    html, mentioned = render_markdown(
        f"Before @ahmad\n\n{vector}\n\nafter بعد", resolve_mention=resolve
    )
    parsed = assert_safe(html)
    assert "Before" in parsed.text
    assert "after بعد" in parsed.text
    assert kept in parsed.text
    assert mentioned == {"ahmad"}


def test_xss_vector_count():
    assert len(XSS_VECTORS) >= 40


def test_title_cannot_break_out_of_its_attribute():
    html, _ = render_markdown('[x](https://ok.example "title\\" onmouseover=\\"alert(1)")')
    parsed = Parsed(html)
    assert parsed.attributes == [
        ("p", "dir", "auto"),
        ("a", "href", "https://ok.example"),
        ("a", "title", 'title" onmouseover="alert(1)'),
        ("a", "rel", "nofollow ugc noopener noreferrer"),
    ]


RAW_HTML_VECTORS = [vector for vector, _ in XSS_VECTORS if vector.startswith("<")]


@pytest.mark.parametrize("vector", RAW_HTML_VECTORS)
def test_allow_list_alone_stops_raw_html(vector):
    """Defence in depth: were raw HTML ever let through, nh3 would still stop it."""
    assert_safe(_CLEANER.clean(vector))
