"""How pages and their files reach the browser: compressed, cached, light on first paint."""

import io
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings as django_settings
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.templatetags.static import static
from django.test import Client

from wagtail.images.models import Image

import pytest
from PIL import Image as PILImage

from cms.home.models import HomePage
from cms.news.models import NewsPage

pytestmark = pytest.mark.django_db

ONE_YEAR = "max-age=31536000, public, immutable"


@pytest.fixture
def collected(settings, tmp_path):
    """The site's own static files collected as production does, into a temporary root."""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    # Only the site's files (not the Wagtail admin's thousands): the test stays fast.
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STATICFILES_DIRS = [
        django_settings.BASE_DIR / "cms" / "static",
        django_settings.BASE_DIR / "build" / "static",
    ]
    settings.WHITENOISE_USE_FINDERS = False
    settings.WHITENOISE_AUTOREFRESH = False
    call_command("collectstatic", interactive=False, verbosity=0)
    return settings.STATIC_ROOT


def test_collectstatic_fingerprints_and_compresses_with_brotli(collected):
    css = static("cms/css/site.css")
    assert re.fullmatch(r"/static/cms/css/site\.[0-9a-f]{12}\.css", css), css
    hashed = collected / css.removeprefix("/static/")
    assert hashed.exists()
    assert hashed.with_name(hashed.name + ".br").exists()
    assert hashed.with_name(hashed.name + ".gz").exists()


def test_fingerprinted_files_are_served_immutable_and_in_brotli(collected):
    client = Client()  # a new handler: WhiteNoise reads the collected root
    css = static("cms/css/site.css")
    response = client.get(css, headers={"accept-encoding": "gzip, deflate, br"})
    assert response.status_code == 200
    assert response["Cache-Control"] == ONE_YEAR
    assert response["Content-Encoding"] == "br"
    assert "Accept-Encoding" in response["Vary"]
    plain = client.get(css)
    assert "Content-Encoding" not in plain
    body = b"".join(plain.streaming_content)
    assert b"font-family" in body
    # A name without its fingerprint may change: it is cached briefly only.
    unhashed = client.get("/static/cms/css/site.css")
    assert unhashed.status_code == 200
    assert "immutable" not in unhashed["Cache-Control"]


# --- images ---------------------------------------------------------------------------------


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.images: list[dict] = []
        self.external: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "img":
            self.images.append(attributes)
        address = ""
        if tag == "script":
            address = attributes.get("src") or ""
        elif tag == "link" and (attributes.get("rel") or "") in {"stylesheet", "preload"}:
            address = attributes.get("href") or ""
        if urlsplit(address).netloc:
            self.external.append(address)


def parse(html: str) -> Tags:
    tags = Tags()
    tags.feed(html)
    return tags


def picture(name: str) -> Image:
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), (30, 100, 160)).save(buffer, "PNG")
    return Image.objects.create(title=name, file=ImageFile(buffer, name=f"{name}.png"))


@pytest.fixture
def illustrated(demo_site):
    """The home page's hero and every Arabic news article get an image; one a body image."""
    home = HomePage.objects.get(locale__language_code="ar")
    for block in home.body:
        if block.block_type == "hero":
            block.value["image"] = picture("hero")
    home.save_revision().publish()
    articles = list(NewsPage.objects.live().filter(locale__language_code="ar").order_by("-date"))
    for n, article in enumerate(articles):
        article.image = picture(f"news-{n}")
        if n == 0:
            article.body = [
                *article.body.raw_data,
                {
                    "type": "image",
                    "value": {"image": picture("inline").pk, "caption": "", "attribution": ""},
                },
            ]
        article.save_revision().publish()
    return home, articles[0]


def assert_sized_and_responsive(img: dict) -> None:
    assert img.get("width", "").isdigit() and img.get("height", "").isdigit(), img
    assert "," in img.get("srcset", ""), img  # more than one width to choose from
    assert img.get("sizes"), img


def test_home_page_images_are_responsive_and_only_the_hero_is_eager(client, illustrated):
    images = parse(client.get("/ar/").content.decode()).images
    assert len(images) >= 2, images
    hero, *cards = images
    assert_sized_and_responsive(hero)
    assert hero.get("loading", "eager") == "eager"
    assert hero.get("fetchpriority") == "high"
    for img in cards:
        assert_sized_and_responsive(img)
        assert img["loading"] == "lazy"
        assert "fetchpriority" not in img


def test_news_pages_images_are_responsive_and_lazy_below_the_fold(client, illustrated):
    _home, article = illustrated
    main, *inline = parse(client.get(article.url).content.decode()).images
    assert_sized_and_responsive(main)
    assert main.get("fetchpriority") == "high"
    assert main.get("loading") == "eager"
    assert inline, "the body image is rendered"
    for img in inline:
        assert_sized_and_responsive(img)
        assert img["loading"] == "lazy"
    cards = parse(client.get("/ar/news/").content.decode()).images
    assert cards
    for img in cards:
        assert_sized_and_responsive(img)
        assert img["loading"] == "lazy"


def test_pages_load_no_script_or_stylesheet_from_another_host(client, illustrated):
    _home, article = illustrated
    for url in ("/ar/", "/en/", "/ar/news/", article.url, "/ar/events/", "/ar/courses/"):
        tags = parse(client.get(url).content.decode())
        assert tags.external == [], url
