from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

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
            raise CommandError(f"Cannot read {path}: {exc.strerror}") from exc
        try:
            result = municipalities_import_csv(data=data)
        except MunicipalityImportError as exc:
            raise CommandError(
                "Nothing was imported.\n" + "\n".join(str(error) for error in exc.errors)
            ) from exc
        self.stdout.write(
            self.style.SUCCESS(f"{result.created} created, {result.updated} updated.")
        )
