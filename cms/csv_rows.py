"""Shared by every CSV import: errors reported by line, and UTF-8 decoding.

Imports check the whole file first and write nothing when any row is bad, so
the person uploading sees every problem at once.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass
class RowError:
    line: int
    message: str

    def __str__(self) -> str:
        return _("Line %(line)d: %(message)s") % {"line": self.line, "message": self.message}


class RowErrors(Exception):
    def __init__(self, errors: list[RowError]):
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))


def decode_csv(data: bytes, error_class: type[RowErrors] = RowErrors) -> str:
    """The file's text (a BOM from spreadsheet programs is dropped), or a line-1 error."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error_class(
            [RowError(1, _("The file is not UTF-8 text. Save it as CSV UTF-8 and try again."))]
        ) from exc
