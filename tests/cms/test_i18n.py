"""Arabic first: language prefixes, the switcher, lang/dir in each language, local fonts."""

import re
from http import HTTPStatus
from pathlib import Path

from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale

import pytest

pytestmark = pytest.mark.django_db

LANGUAGES = (("ar", "rtl"), ("en", "ltr"), ("fr", "ltr"))


def switcher_links(html: str) -> dict[str, str]:
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S)
    assert nav, "no language switcher on the page"
    return {
        code: href for href, code in re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', nav.group(0))
    }


@pytest.mark.parametrize(("language", "direction"), LANGUAGES)
def test_home_page_lang_and_dir(client, home_pages, language, direction):
    response = client.get(f"/{language}/")
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert f'<html lang="{language}" dir="{direction}">' in html


def test_home_page_is_arabic_by_default(client, home_pages):
    response = client.get("/")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/ar/"
    html = client.get("/ar/").content.decode()
    assert "مركز تطوير البلديات ودعم اللامركزية" in html


def test_browser_language_is_honoured_on_first_visit(client, home_pages):
    response = client.get("/", headers={"accept-language": "fr-FR,fr;q=0.9"})
    assert response["Location"] == "/fr/"


def test_switcher_keeps_the_same_page(client, verified_user, home_pages):
    client.force_login(verified_user)
    with translation.override("ar"):
        profile_ar = reverse("accounts:profile")
    html = client.get(profile_ar).content.decode()
    links = switcher_links(html)
    assert links == {"en": "/en/accounts/profile/", "fr": "/fr/accounts/profile/"}
    for language, direction in (("en", "ltr"), ("fr", "ltr")):
        page = client.get(links[language]).content.decode()
        assert f'<html lang="{language}" dir="{direction}">' in page
        assert switcher_links(page)["ar"] == "/ar/accounts/profile/"


def test_switcher_on_a_page_offers_only_its_translations(client, home_pages):
    links = switcher_links(client.get("/ar/").content.decode())
    assert links == {"en": "/en/", "fr": "/fr/"}
    # Unpublish the French home page: the switcher stops offering French.
    french = home_pages.get_translation(Locale.objects.get(language_code="fr"))
    french.unpublish()
    links = switcher_links(client.get("/ar/").content.decode())
    assert links == {"en": "/en/"}


def test_web_font_is_served_locally(client, home_pages):
    html = client.get("/ar/").content.decode()
    # No stylesheet, script, font or image from another host.
    resources = re.findall(r'<(?:script|img|source)[^>]* src="([^"]+)"', html) + re.findall(
        r'<link[^>]* rel="(?:stylesheet|preload|icon)"[^>]* href="([^"]+)"', html
    )
    assert resources
    for url in resources:
        assert url.startswith("/") and not url.startswith("//"), url
    css_path = finders.find("cms/css/site.css")
    css = Path(css_path).read_text(encoding="utf-8")
    fonts = re.findall(r'url\("\.\./fonts/([^"]+)"\)', css)
    assert fonts, "the stylesheet declares no web font"
    for name in fonts:
        path = finders.find(f"cms/fonts/{name}")
        assert path, f"{name} is not among the static files (run `make test`, which builds it)"
        assert Path(path).read_bytes()[:4] == b"wOF2"


def test_wagtail_admin_is_arabic(client, django_user_model, home_pages):
    admin = django_user_model.objects.create_superuser(email="boss@example.ly", password="x")
    client.force_login(admin)
    response = client.get("/admin/")
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert 'lang="ar"' in html
    assert 'dir="rtl"' in html
    assert "لوحة" in html or "الصفحات" in html
