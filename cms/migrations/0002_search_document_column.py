"""A stored ``title || body`` on Wagtail's search index, with its GIN index (PostgreSQL only).

With only the GIN index on the expression ``title || body`` (0001), PostgreSQL read the
whole index table for a common word and built ``title || body`` for every entry: at
scale 1 (4,751 entries, «البلدية» in 37 % of them) that was 18 of the search's 27 ms, and
it grew with the table. A generated column, computed when Wagtail writes an entry, lets
the planner take the matches from the GIN index (2 ms) and keeps the cost of a search
close to the number of its matches. Wagtail's writes name their columns, so they are
unaffected; the expression index goes.
"""

from django.db import migrations

COLUMN = "search_document"
INDEX = "cms_search_document"
OLD_INDEX = "cms_search_document_gin"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"ALTER TABLE wagtailsearch_indexentry ADD COLUMN IF NOT EXISTS {COLUMN} tsvector "
        "GENERATED ALWAYS AS (title || body) STORED"
    )
    schema_editor.execute(
        f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {INDEX} "
        f"ON wagtailsearch_indexentry USING gin ({COLUMN})"
    )
    schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {OLD_INDEX}")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {OLD_INDEX} "
        "ON wagtailsearch_indexentry USING gin ((title || body))"
    )
    schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {INDEX}")
    schema_editor.execute(f"ALTER TABLE wagtailsearch_indexentry DROP COLUMN IF EXISTS {COLUMN}")


class Migration(migrations.Migration):
    atomic = False  # CREATE/DROP INDEX CONCURRENTLY: searches and indexing go on meanwhile

    dependencies = [("cms", "0001_search_vector_index")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
