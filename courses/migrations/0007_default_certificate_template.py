"""The default Arabic certificate template, so certificates can be issued from day one."""

import uuid

from django.conf import settings
from django.db import migrations

BODY = (
    "يشهد مركز تطوير البلديات ودعم اللامركزية بأن {name} قد أتمّ بنجاح الدورة التدريبية "
    "«{course}» ({hours} ساعة تدريبية)، المنعقدة {run_dates}، وذلك بتاريخ {completion_date}."
)


def create(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Template = apps.get_model("courses", "CertificateTemplate")
    locale, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Template.objects.filter(is_default=True).exists():
        Template.objects.create(
            name="الشهادة الافتراضية",
            title="شهادة إتمام دورة تدريبية",
            body=BODY,
            language="ar",
            is_default=True,
            locale=locale,
            translation_key=uuid.uuid4(),
            signatories=[],
        )


class Migration(migrations.Migration):
    dependencies = [("courses", "0006_certificatetemplate_coursepage_certificate_template_and_more")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
