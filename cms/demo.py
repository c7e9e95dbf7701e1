"""Demo content for the public site: locales, partners, programmes, news, events, pages.

Drawn from the centre's real recent activity (``demo_content.py``). Every
function is idempotent: it finds what exists and only adds what is missing, so
``load_demo`` can run on every ``make run``.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from wagtail.contrib.forms.utils import get_field_clean_name
from wagtail.models import Collection, Locale, Page, Site
from wagtail.rich_text import RichText

from cms import demo_content as content
from cms.events.models import EventIndexPage, EventPage
from cms.home.models import HomePage
from cms.municipalities.models import Municipality
from cms.news.models import NewsIndexPage, NewsPage
from cms.partners.models import Partner
from cms.programmes.models import ProgrammeIndexPage, ProgrammePage
from cms.roles import roles_setup
from cms.standard.models import FormField, FormPage, StandardPage

LANGUAGES = ("ar", "en", "fr")

HOME_TITLES = {"ar": "الرئيسية", "en": "Home", "fr": "Accueil"}
HERO = {
    "ar": {
        "title": "مركز تطوير البلديات ودعم اللامركزية",
        "text": (
            "نُدرّب موظفي البلديات وأعضاء المجالس البلدية، وندعم مسار اللامركزية، "
            "ونيسّر تبادل الخبرات بين النظراء في ليبيا وتونس وفلسطين."
        ),
    },
    "en": {
        "title": "Municipal Development and Decentralisation Support Centre",
        "text": (
            "We train municipal staff and councillors, support decentralisation and help "
            "peers in Libya, Tunisia and Palestine exchange experience."
        ),
    },
    "fr": {
        "title": "Centre de développement municipal et d'appui à la décentralisation",
        "text": (
            "Nous formons le personnel et les élus municipaux, appuyons la décentralisation "
            "et facilitons l'échange d'expériences entre pairs en Libye, en Tunisie et en "
            "Palestine."
        ),
    },
}
SECTIONS = {
    "news": {
        "model": NewsIndexPage,
        "title": {"ar": "الأخبار", "en": "News", "fr": "Actualités"},
        "intro": {
            "ar": "آخر أخبار المركز وشركائه والبلديات.",
            "en": "The latest from the centre, its partners and municipalities.",
            "fr": "Les dernières nouvelles du centre, de ses partenaires et des municipalités.",
        },
    },
    "events": {
        "model": EventIndexPage,
        "title": {"ar": "الفعاليات", "en": "Events", "fr": "Événements"},
        "intro": {
            "ar": "ورش العمل والمؤتمرات والزيارات الميدانية وجلسات الحوار.",
            "en": "Workshops, conferences, field visits and dialogue sessions.",
            "fr": "Ateliers, conférences, visites de terrain et sessions de dialogue.",
        },
    },
    "programmes": {
        "model": ProgrammeIndexPage,
        "title": {"ar": "البرامج", "en": "Programmes", "fr": "Programmes"},
        "intro": {
            "ar": "البرامج الممولة من المانحين التي يعمل فيها المركز مع البلديات.",
            "en": "Donor-funded programmes through which the centre works with municipalities.",
            "fr": "Les programmes financés par les bailleurs avec lesquels le centre travaille.",
        },
    },
}
ABOUT = {
    "title": {"ar": "عن المركز", "en": "About the centre", "fr": "À propos du centre"},
    "lead": {
        "ar": (
            "أُنشئ مركز تطوير البلديات ودعم اللامركزية في إطار برنامج «إيصال»، مستلهمًا "
            "التجربة التونسية، ليكون بيتًا لتدريب موظفي البلديات وتبادل الخبرات بينهم."
        ),
        "en": (
            "The Municipal Development and Decentralisation Support Centre was set up within "
            "the Isal programme, modelled on Tunisia's experience, as a home for training "
            "municipal staff and for exchange between them."
        ),
        "fr": (
            "Le Centre de développement municipal et d'appui à la décentralisation a été créé "
            "dans le cadre du programme Isal, sur le modèle de l'expérience tunisienne, pour "
            "former le personnel municipal et favoriser les échanges entre pairs."
        ),
    },
    "body": {
        "ar": [
            "يقدّم المركز برامج تدريب المدربين في الحوكمة المحلية وتعليم الكبار والمشاركة "
            "المجتمعية، ودورات إلكترونية ومدمجة لموظفي البلديات.",
            "ويدير منصات لتبادل الخبرات بين النظراء، وينشر الأدلة وأوراق السياسات التي "
            "تغذّي مسار إصلاح الحكم المحلي.",
        ],
        "en": [
            "The centre runs training of trainers in local governance, adult education and "
            "community participation, and online and blended courses for municipal staff.",
            "It hosts experience-exchange platforms between peers and publishes guides and "
            "position papers that feed the local-governance reform agenda.",
        ],
        "fr": [
            "Le centre organise des formations de formateurs en gouvernance locale, éducation "
            "des adultes et participation citoyenne, ainsi que des cours en ligne et hybrides "
            "pour le personnel municipal.",
            "Il anime des plateformes d'échange d'expériences entre pairs et publie des guides "
            "et des notes d'orientation qui nourrissent la réforme de la gouvernance locale.",
        ],
    },
}
CONTACT = {
    "title": {"ar": "اتصل بنا", "en": "Contact us", "fr": "Nous contacter"},
    "intro": {
        "ar": "أسئلة عن الدورات أو الشراكات أو المنصات؟ اكتب إلينا وسنرد عليك.",
        "en": "Questions about courses, partnerships or the platforms? Write to us.",
        "fr": (
            "Des questions sur les formations, les partenariats ou les plateformes ? Écrivez-nous."
        ),
    },
    "thanks": {
        "ar": "شكرًا لك، وصلتنا رسالتك وسنرد عليك قريبًا.",
        "en": "Thank you: we have received your message and will answer soon.",
        "fr": "Merci : nous avons bien reçu votre message et vous répondrons bientôt.",
    },
    "fields": [
        ("singleline", {"ar": "الاسم الكامل", "en": "Full name", "fr": "Nom complet"}, True),
        ("email", {"ar": "البريد الإلكتروني", "en": "E-mail", "fr": "Adresse e-mail"}, True),
        (
            "singleline",
            {
                "ar": "البلدية أو الجهة",
                "en": "Municipality or organisation",
                "fr": "Municipalité ou organisme",
            },
            False,
        ),
        ("multiline", {"ar": "رسالتك", "en": "Your message", "fr": "Votre message"}, True),
    ],
}


def paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{escape(text)}</p>" for text in texts)


def bullets(texts: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(text)}</li>" for text in texts) + "</ul>" if texts else ""


def aware(value):
    return timezone.make_aware(value) if timezone.is_naive(value) else value


def ensure_locales() -> dict[str, Locale]:
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
    }


def publish(page: Page) -> Page:
    page.save_revision().publish()
    return page


def child(parent: Page, model, slug: str, **fields):
    """The live child ``slug`` of ``parent`` (same locale), created and published if missing."""
    existing = model.objects.child_of(parent).filter(slug=slug, locale=parent.locale).first()
    if existing:
        return existing
    page = model(slug=slug, locale=parent.locale, **fields)
    parent.add_child(instance=page)
    return publish(page)


def translation(page: Page, locale: Locale, **fields):
    """The translation of ``page`` into ``locale``, created and published if missing."""
    existing = page.get_translation_or_none(locale)
    if existing:
        return existing.specific
    translated = page.copy_for_translation(locale)
    for name, value in fields.items():
        if name == "tags":
            translated.tags.set(value, clear=True)
        else:
            setattr(translated, name, value)
    return publish(translated)


@transaction.atomic
def ensure_home_pages(locales: dict[str, Locale]) -> HomePage:
    """The Arabic home page as the default site's root, with en and fr translations."""
    root = Page.get_first_root_node()
    if root is None:
        # Only a flushed database (after a transactional test) lacks Wagtail's roots.
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locales["ar"]))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    site = Site.objects.filter(is_default_site=True).first()
    home = HomePage.objects.filter(locale=locales["ar"]).first()
    if home is None:
        home = root.add_child(
            instance=HomePage(locale=locales["ar"], slug="markaz", title=HOME_TITLES["ar"])
        )
        publish(home)
    # The site's address comes from SITE_URL, so feeds and canonical URLs point at it.
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    hostname = address.hostname or "localhost"
    port = address.port or (443 if address.scheme == "https" else 80)
    if site is None:
        site = Site.objects.create(
            hostname=hostname, port=port, root_page=home, is_default_site=True, site_name="Markaz"
        )
    elif site.hostname == "localhost" and site.port == 80:  # Wagtail's placeholder
        site.hostname, site.port = hostname, port
        site.save()
    if site.root_page_id != home.id:
        previous = site.root_page.specific
        site.root_page = home
        site.site_name = "Markaz"
        site.save()
        # Wagtail's initial "Welcome" page has no place in our tree.
        if not isinstance(previous, HomePage) and previous.depth == 2:
            previous.delete()
    for code in ("en", "fr"):
        translation(home, locales[code], title=HOME_TITLES[code])
    return home


def ensure_partners(locales) -> dict[str, Partner]:
    partners = {}
    for data in content.PARTNERS:
        partner = Partner.objects.filter(key=data["key"], locale=locales["ar"]).first()
        if partner is None:
            partner = Partner.objects.create(
                key=data["key"],
                locale=locales["ar"],
                name=data["name"]["ar"],
                kind=data["kind"],
                url=data["url"],
            )
        for code in ("en", "fr"):
            if not partner.has_translation(locales[code]):
                translated = partner.copy_for_translation(locales[code])
                translated.name = data["name"][code]
                translated.save()
        partners[data["key"]] = partner
    return partners


def municipalities(slugs: list[str]) -> list[Municipality]:
    return list(Municipality.objects.filter(slug__in=slugs))


def ensure_sections(home: HomePage, locales) -> dict[str, Page]:
    sections = {}
    for key, data in SECTIONS.items():
        page = child(
            home,
            data["model"],
            key,
            title=data["title"]["ar"],
            intro=paragraphs([data["intro"]["ar"]]),
            show_in_menus=True,
        )
        for code in ("en", "fr"):
            translation(
                page,
                locales[code],
                title=data["title"][code],
                intro=paragraphs([data["intro"][code]]),
            )
        sections[key] = page
    return sections


def ensure_programmes(index: Page, partners, locales) -> dict[str, ProgrammePage]:
    programmes = {}
    for data in content.PROGRAMMES:

        def fields(code, data=data):
            return {
                "title": data["title"][code],
                "lead": data["lead"][code],
                "components": [
                    (
                        "component",
                        {
                            "heading": component["heading"][code],
                            "text": RichText(paragraphs([component["text"][code]])),
                        },
                    )
                    for component in data["components"]
                ],
                "results": bullets(data["results"][code]),
            }

        page = child(
            index,
            ProgrammePage,
            data["key"],
            start_date=data["start"],
            end_date=data["end"],
            funders=[partners[key] for key in data["funders"]],
            implementers=[partners[key] for key in data["implementers"]],
            municipalities=municipalities(data["municipalities"]),
            **fields("ar"),
        )
        for code in ("en", "fr"):
            translation(page, locales[code], **fields(code))
        programmes[data["key"]] = page
    return programmes


def ensure_news(index: Page, partners, programmes, locales) -> None:
    for data in content.NEWS:
        programme = programmes.get(data["programme"]) if data["programme"] else None

        def fields(code, data=data, programme=programme):
            return {
                "title": data["title"][code],
                "lead": data["lead"][code],
                "body": [("paragraph", RichText(paragraphs(data["body"][code])))],
                "programme": programme.get_translation_or_none(locales[code])
                if programme
                else None,
            }

        page = NewsPage.objects.child_of(index).filter(slug=data["key"]).first()
        if page is None:
            page = NewsPage(
                slug=data["key"],
                locale=index.locale,
                date=data["date"],
                municipalities=municipalities(data["municipalities"]),
                partners=[partners[key] for key in data["partners"]],
                **fields("ar"),
            )
            page.tags.set(data["tags"]["ar"])
            index.add_child(instance=page)
            publish(page)
        for code in ("en", "fr"):
            if code in data["title"]:
                translation(page, locales[code], tags=data["tags"][code], **fields(code))


def ensure_events(index: Page, partners, programmes, locales) -> None:
    for data in content.EVENTS:
        programme = programmes.get(data["programme"]) if data["programme"] else None

        def fields(code, data=data, programme=programme):
            return {
                "title": data["title"][code],
                "lead": data["lead"][code],
                "place": (data["place"] or {}).get(code, ""),
                "agenda": [("item", {**item, "speakers": ""}) for item in data["agenda"][code]],
                "outcomes": bullets(data["outcomes"][code]),
                "programme": programme.get_translation_or_none(locales[code])
                if programme
                else None,
            }

        page = child(
            index,
            EventPage,
            data["key"],
            kind=data["kind"],
            start=aware(data["start"]),
            end=aware(data["end"]),
            online_url=data["online_url"],
            partners=[partners[key] for key in data["partners"]],
            municipalities=municipalities(data["municipalities"]),
            **fields("ar"),
        )
        for code in ("en", "fr"):
            translation(page, locales[code], **fields(code))


def ensure_pages(home: HomePage, locales) -> None:
    about = child(
        home,
        StandardPage,
        "about",
        title=ABOUT["title"]["ar"],
        lead=ABOUT["lead"]["ar"],
        body=[("paragraph", RichText(paragraphs(ABOUT["body"]["ar"])))],
        show_in_menus=True,
    )
    for code in ("en", "fr"):
        translation(
            about,
            locales[code],
            title=ABOUT["title"][code],
            lead=ABOUT["lead"][code],
            body=[("paragraph", RichText(paragraphs(ABOUT["body"][code])))],
        )
    contact = FormPage.objects.child_of(home).filter(slug="contact").first()
    if contact is None:
        contact = FormPage(
            slug="contact",
            locale=home.locale,
            title=CONTACT["title"]["ar"],
            intro=paragraphs([CONTACT["intro"]["ar"]]),
            thank_you_text=paragraphs([CONTACT["thanks"]["ar"]]),
            show_in_menus=True,
        )
        for order, (field_type, label, required) in enumerate(CONTACT["fields"]):
            contact.form_fields.add(
                FormField(
                    sort_order=order, field_type=field_type, label=label["ar"], required=required
                )
            )
        home.add_child(instance=contact)
        publish(contact)
    for code in ("en", "fr"):
        translated = translation(
            contact,
            locales[code],
            title=CONTACT["title"][code],
            intro=paragraphs([CONTACT["intro"][code]]),
            thank_you_text=paragraphs([CONTACT["thanks"][code]]),
        )
        labels = [label[code] for _type, label, _required in CONTACT["fields"]]
        if [field.label for field in translated.form_fields.all()] != labels:
            for field, label in zip(translated.form_fields.all(), labels, strict=True):
                field.label = label
                field.clean_name = get_field_clean_name(label)
                field.save()


def ensure_home_sections(home: HomePage, programmes, courses, locales) -> None:
    headings = {
        "courses": {"ar": "دورات مختارة", "en": "Featured courses", "fr": "Formations à la une"},
        "news": {"ar": "آخر الأخبار", "en": "Latest news", "fr": "Dernières actualités"},
        "events": {"ar": "الفعاليات القادمة", "en": "Upcoming events", "fr": "Événements à venir"},
        "programmes": {"ar": "برامجنا", "en": "Our programmes", "fr": "Nos programmes"},
    }
    for code in LANGUAGES:
        page = home.get_translation(locales[code]).specific
        if page.body:
            continue
        page.body = [
            ("hero", {**HERO[code], "image": None, "button_label": "", "button_page": None}),
            ("latest_news", {"heading": headings["news"][code], "count": 3}),
            (
                "featured",
                {"heading": headings["courses"][code], "intro": "", "pages": list(courses)},
            ),
            ("upcoming_events", {"heading": headings["events"][code], "count": 3}),
            (
                "featured",
                {
                    "heading": headings["programmes"][code],
                    "intro": "",
                    "pages": [programme.localized for programme in programmes.values()],
                },
            ),
        ]
        publish(page)


@transaction.atomic
def load() -> list[str]:
    locales = ensure_locales()
    home = ensure_home_pages(locales)
    partners = ensure_partners(locales)
    sections = ensure_sections(home, locales)
    programmes = ensure_programmes(sections["programmes"], partners, locales)
    ensure_news(sections["news"], partners, programmes, locales)
    ensure_events(sections["events"], partners, programmes, locales)
    ensure_pages(home, locales)
    roles_setup()
    from courses import demo as courses_demo

    course_lines, courses = courses_demo.load(home)
    ensure_home_sections(home, programmes, courses, locales)
    from community import demo as community_demo

    community_lines = community_demo.load(home, locales)
    return [
        "locales ar, en, fr",
        f"{len(partners)} partners, {len(programmes)} programmes",
        f"{NewsPage.objects.count()} news pages, {EventPage.objects.count()} event pages",
        "home, about and contact pages; editors, moderators and the news workflow",
        *course_lines,
        *community_lines,
    ]
