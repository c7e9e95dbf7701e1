"""Importing municipality reference data from CSV.

The whole file is checked first and written in one transaction: a file with
any bad row imports nothing, and every bad row is reported with its line.
"""

import csv
import io
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import transaction
from django.utils.translation import gettext as _

from cms.csv_rows import RowError, RowErrors, decode_csv

from .models import Country, Municipality

REQUIRED_COLUMNS = ("slug", "name_ar", "name_en", "name_fr", "country")
OPTIONAL_COLUMNS = ("region",)
ARABIC_LETTER_RE = re.compile(r"[\u0621-\u064A]")
MAX_LENGTHS = {"slug": 80, "name_ar": 120, "name_en": 120, "name_fr": 120, "region": 120}


class MunicipalityImportError(RowErrors):
    pass


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    slugs: list[str] = field(default_factory=list)


def _check_row(row: dict[str, str], line: int, seen: dict[str, int]) -> list[RowError]:
    errors = []
    for column in REQUIRED_COLUMNS:
        if not row.get(column):
            errors.append(
                RowError(line, _("the column “%(column)s” is empty.") % {"column": column})
            )
    for column, limit in MAX_LENGTHS.items():
        if len(row.get(column, "")) > limit:
            errors.append(
                RowError(
                    line,
                    _("“%(column)s” is longer than %(limit)d characters.")
                    % {"column": column, "limit": limit},
                )
            )
    slug = row.get("slug", "")
    if slug:
        try:
            validate_slug(slug)
        except ValidationError:
            errors.append(
                RowError(
                    line,
                    _("the slug “%(slug)s” may hold only letters, digits, - and _.")
                    % {"slug": slug},
                )
            )
        if slug in seen:
            errors.append(
                RowError(
                    line,
                    _("the slug “%(slug)s” already appears on line %(other)d.")
                    % {"slug": slug, "other": seen[slug]},
                )
            )
        else:
            seen[slug] = line
    country = row.get("country", "")
    if country and country not in Country.values:
        errors.append(
            RowError(
                line,
                _("unknown country code “%(code)s”; use one of %(codes)s.")
                % {"code": country, "codes": ", ".join(Country.values)},
            )
        )
    if row.get("name_ar") and not ARABIC_LETTER_RE.search(row["name_ar"]):
        errors.append(RowError(line, _("the Arabic name contains no Arabic letters.")))
    return errors


def municipalities_parse_csv(*, data: bytes) -> list[dict[str, str]]:
    """Check a CSV file and return its rows, or raise with every problem found."""
    text = decode_csv(data, MunicipalityImportError)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [name.strip() for name in (reader.fieldnames or [])]
    if not header:
        raise MunicipalityImportError([RowError(1, _("The file is empty."))])
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise MunicipalityImportError(
            [RowError(1, _("missing columns: %(columns)s.") % {"columns": ", ".join(missing)})]
        )
    reader.fieldnames = header
    rows, errors, seen = [], [], {}
    for row in reader:
        line = reader.line_num
        if None in row:
            errors.append(RowError(line, _("this row has more cells than the header.")))
            continue
        clean = {key: (value or "").strip() for key, value in row.items()}
        if not any(clean.values()):
            continue
        errors.extend(_check_row(clean, line, seen))
        rows.append(clean)
    if errors:
        raise MunicipalityImportError(errors)
    if not rows:
        raise MunicipalityImportError([RowError(1, _("The file has no municipality rows."))])
    return rows


@transaction.atomic
def municipalities_import_csv(*, data: bytes) -> ImportResult:
    """Create or update municipalities by slug; all or nothing."""
    rows = municipalities_parse_csv(data=data)
    result = ImportResult()
    for row in rows:
        _, created = Municipality.objects.update_or_create(
            slug=row["slug"],
            defaults={
                "name_ar": row["name_ar"],
                "name_en": row["name_en"],
                "name_fr": row["name_fr"],
                "country": row["country"],
                "region": row.get("region", ""),
            },
        )
        result.created += created
        result.updated += not created
        result.slugs.append(row["slug"])
    return result
