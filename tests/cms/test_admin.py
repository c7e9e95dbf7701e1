"""The Arabic admin: editing every page type, and translating with wagtail-localize."""

from http import HTTPStatus

from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation

import pytest

from cms.events.models import EventPage
from cms.home.models import HomePage
from cms.news.models import NewsIndexPage, NewsPage
from cms.partners.models import Partner
from cms.programmes.models import ProgrammePage
from cms.standard.models import FormPage, StandardPage
from courses.models import CourseIndexPage, CoursePage, LessonPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model, demo_site):
    admin = django_user_model.objects.create_superuser(email="root@markaz.test", password="x")
    client.force_login(admin)
    return client


@pytest.mark.parametrize(
    ("model", "slug"),
    [
        (NewsPage, "think-tank-closing-tunis"),
        (EventPage, "local-development-plans-workshop"),
        (ProgrammePage, "isal"),
        (StandardPage, "about"),
        (FormPage, "contact"),
        (NewsIndexPage, "news"),
        (CourseIndexPage, "courses"),
        (CoursePage, "local-strategic-planning"),
        (LessonPage, "activity"),  # with an H5P block
        (LessonPage, "final-quiz"),  # with a quiz block
    ],
)
def test_edit_view_of_every_page_type(admin_client, model, slug):
    page = model.objects.filter(slug=slug, locale__language_code="ar").first()
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert 'dir="rtl"' in html


def test_home_page_edit_view(admin_client):
    home = HomePage.objects.get(locale__language_code="ar")
    assert admin_client.get(reverse("wagtailadmin_pages:edit", args=[home.pk])).status_code == 200


def test_page_is_translated_with_wagtail_localize(admin_client, django_capture_on_commit_callbacks):
    index = NewsIndexPage.objects.get(locale__language_code="ar")
    article = index.add_child(
        instance=NewsPage(title="إطلاق دليل المشاركة المجتمعية", slug="guide", lead="دليل جديد")
    )
    article.save_revision().publish()
    french = Locale.objects.get(language_code="fr")

    response = admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[article.pk]),
        {"locales": [french.pk]},
    )
    assert response.status_code == HTTPStatus.FOUND
    translated = article.get_translation(french)
    assert translated.get_parent().locale == french  # under the French news index
    translation = Translation.objects.get(source__object_id=article.translation_key)
    # Translate the title segment, then publish the translation.
    segment = translation.source.stringsegment_set.get(context__path="title")
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=french,
        context=segment.context,
        data="Lancement du guide de la participation citoyenne",
    )
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    translated.refresh_from_db()
    assert translated.title == "Lancement du guide de la participation citoyenne"
    assert translated.live


def test_partner_snippet_is_translatable(admin_client):
    partner = Partner.objects.get(key="giz", locale__language_code="ar")
    english = Locale.objects.get(language_code="en")
    assert partner.get_translation(english).name != partner.name
    response = admin_client.get(reverse("wagtailsnippets_partners_partner:edit", args=[partner.pk]))
    assert response.status_code == HTTPStatus.OK
