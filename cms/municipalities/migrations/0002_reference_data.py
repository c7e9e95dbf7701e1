"""Seed the municipalities named in the centre's recent activity.

Reads the shipped CSV through the historical model; update_or_create by slug
so running it over existing rows changes nothing.
"""

import csv
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "municipalities.csv"


def load(apps, schema_editor):
    Municipality = apps.get_model("municipalities", "Municipality")
    with DATA.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            Municipality.objects.update_or_create(
                slug=row["slug"],
                defaults={
                    "name_ar": row["name_ar"],
                    "name_en": row["name_en"],
                    "name_fr": row["name_fr"],
                    "country": row["country"],
                    "region": row.get("region", ""),
                },
            )


class Migration(migrations.Migration):
    dependencies = [("municipalities", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
