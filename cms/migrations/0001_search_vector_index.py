"""A GIN index on ``title || body`` of Wagtail's search index (PostgreSQL only).

Site search (cms/search.py) matches ``(title || body) @@ query``; without an
index on that very expression PostgreSQL rebuilds the concatenated tsvector of
every index entry on every search.
"""

from django.db import migrations

INDEX = "cms_search_document_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {INDEX} "
            "ON wagtailsearch_indexentry USING gin ((title || body))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    atomic = False  # CREATE INDEX CONCURRENTLY: searches and indexing go on meanwhile

    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
