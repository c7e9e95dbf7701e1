"""Demo content for the site itself: locales, the home page in three languages.

Every function is idempotent: it finds what exists and only adds what is missing,
so ``load_demo`` can run on every ``make run``.
"""

from django.conf import settings
from django.db import transaction

from wagtail.models import Locale, Page, Site

from cms.home.models import HomePage

HOME = {
    "ar": {
        "title": "الرئيسية",
        "hero_title": "مركز تطوير البلديات ودعم اللامركزية",
        "hero_text": (
            "نُدرّب موظفي البلديات وأعضاء المجالس البلدية، وندعم مسار اللامركزية، "
            "ونيسّر تبادل الخبرات بين النظراء في ليبيا وتونس وفلسطين."
        ),
    },
    "en": {
        "title": "Home",
        "hero_title": "Municipal Development and Decentralisation Support Centre",
        "hero_text": (
            "We train municipal staff and councillors, support decentralisation and help "
            "peers in Libya, Tunisia and Palestine exchange experience."
        ),
    },
    "fr": {
        "title": "Accueil",
        "hero_title": "Centre de développement municipal et d'appui à la décentralisation",
        "hero_text": (
            "Nous formons le personnel et les élus municipaux, appuyons la décentralisation "
            "et facilitons l'échange d'expériences entre pairs en Libye, en Tunisie et en "
            "Palestine."
        ),
    },
}


def ensure_locales() -> dict[str, Locale]:
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
    }


@transaction.atomic
def ensure_home_pages(locales: dict[str, Locale]) -> HomePage:
    """The Arabic home page as the default site's root, with en and fr translations."""
    root = Page.get_first_root_node()
    site = Site.objects.filter(is_default_site=True).first()
    home = HomePage.objects.filter(locale=locales["ar"]).first()
    if home is None:
        home = root.add_child(instance=HomePage(locale=locales["ar"], slug="markaz", **HOME["ar"]))
        home.save_revision().publish()
    if site is None:
        site = Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    elif site.root_page_id != home.id:
        previous = site.root_page.specific
        site.root_page = home
        site.site_name = "Markaz"
        site.save()
        # Wagtail's initial "Welcome" page has no place in our tree.
        if not isinstance(previous, HomePage) and previous.depth == 2:
            previous.delete()
    for code in ("en", "fr"):
        if not home.has_translation(locales[code]):
            translated = home.copy_for_translation(locales[code])
            for field, value in HOME[code].items():
                setattr(translated, field, value)
            translated.save_revision().publish()
    return home


def load() -> list[str]:
    locales = ensure_locales()
    ensure_home_pages(locales)
    return ["locales ar, en, fr", "home page in ar, en, fr"]
