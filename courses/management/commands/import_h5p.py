from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from courses.h5p.services import h5p_import_path
from courses.h5p.validation import H5PValidationError


class Command(BaseCommand):
    help = "Validate and import one .h5p package; print the new activity's id."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--title", default="", help="Title (defaults to the package's own)")

    def handle(self, *args, path: Path, title: str, **options):
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            content = h5p_import_path(path=path, title=title)
        except H5PValidationError as exc:
            raise CommandError("\n".join(exc.errors)) from exc
        self.stdout.write(str(content.pk))
