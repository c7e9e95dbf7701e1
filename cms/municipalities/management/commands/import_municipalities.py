from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from cms.municipalities.services import MunicipalityImportError, municipalities_import_csv


class Command(BaseCommand):
    help = (
        "Import municipalities from a UTF-8 CSV with the columns "
        "slug,name_ar,name_en,name_fr,country[,region]. Rows are matched by slug; "
        "a file with any bad row imports nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path: Path, **options):
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(
                _("Cannot read %(path)s: %(reason)s") % {"path": path, "reason": exc.strerror}
            ) from exc
        try:
            result = municipalities_import_csv(data=data)
        except MunicipalityImportError as exc:
            raise CommandError(
                "\n".join([_("Nothing was imported."), *(str(error) for error in exc.errors)])
            ) from exc
        self.stdout.write(
            self.style.SUCCESS(
                _("%(created)d created, %(updated)d updated.")
                % {"created": result.created, "updated": result.updated}
            )
        )
