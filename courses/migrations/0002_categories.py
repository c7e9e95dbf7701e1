"""Seed the course taxonomy in Arabic (editors translate and extend it in the admin)."""

import uuid

from django.conf import settings
from django.db import migrations

CATEGORIES = [
    ("local-governance", "الحوكمة المحلية"),
    ("adult-education", "تعليم الكبار"),
    ("community-participation", "المشاركة المجتمعية"),
    ("strategic-planning", "التخطيط الاستراتيجي"),
    ("local-finance", "المالية المحلية"),
    ("waste-management", "إدارة النفايات"),
    ("digital-transformation", "التحول الرقمي"),
]


def seed(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    CourseCategory = apps.get_model("courses", "CourseCategory")
    locale, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    for slug, name in CATEGORIES:
        if not CourseCategory.objects.filter(slug=slug, locale=locale).exists():
            CourseCategory.objects.create(
                slug=slug, name=name, locale=locale, translation_key=uuid.uuid4()
            )


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
