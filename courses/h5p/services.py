"""Import, replace and delete H5P packages; record xAPI statements and resume state.

One import path for the admin and ``manage.py import_h5p``: validate everything
first, then stream each member into Django's default storage (any
django-storages backend), then create the row. If anything fails after the
first file is written, every written file is removed again.
"""

import contextlib
import re
import uuid
import zipfile
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import IO

from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext as _

from courses.models import H5PContent, H5PUserData, LessonPage, XAPIStatement
from courses.services import lesson_time_add

from .validation import H5PLimits, H5PValidationError, ValidPackage, validate_package

CHUNK = 64 * 1024


class _BoundedReader:
    """Reads a zip member, refusing more bytes than its header declared (lying zip bombs)."""

    def __init__(self, handle, limit: int, name: str):
        self.handle, self.remaining, self.name = handle, limit, name

    def read(self, size: int = -1) -> bytes:
        chunk = self.handle.read(CHUNK if size is None or size < 0 else min(size, CHUNK))
        self.remaining -= len(chunk)
        if self.remaining < 0:
            raise H5PValidationError(
                [
                    _("The file “%(name)s” is larger than its archive entry says.")
                    % {"name": self.name}
                ]
            )
        return chunk


def _store_members(
    source: IO[bytes], package: ValidPackage, prefix: str, limits: H5PLimits
) -> list[str]:
    written: list[str] = []
    try:
        with zipfile.ZipFile(source) as archive:
            for info in package.members:
                with archive.open(info) as handle:
                    reader = _BoundedReader(
                        handle, min(info.file_size, limits.max_file_bytes), info.filename
                    )
                    name = default_storage.save(
                        f"{prefix}{info.filename}", File(reader, name=info.filename)
                    )
                    written.append(name)
                    if name != f"{prefix}{info.filename}":
                        raise H5PValidationError(
                            [
                                _("The file “%(name)s” could not be stored under its own name.")
                                % {"name": info.filename}
                            ]
                        )
    except BaseException:
        delete_stored_files(written)
        raise
    return written


def delete_stored_files(names: list[str]) -> None:
    for name in names:
        with contextlib.suppress(OSError):
            default_storage.delete(name)


def h5p_import(
    *, source: IO[bytes], size: int, title: str = "", user=None, replace: H5PContent | None = None
) -> H5PContent:
    """Validate and store a package; raise H5PValidationError (nothing kept) when it is bad.

    With ``replace``, the existing activity keeps its id (lessons keep pointing
    at it) and its old files are removed once the new ones are in place.
    """
    limits = H5PLimits.from_settings()
    package = validate_package(source, size=size, limits=limits)
    source.seek(0)
    content_id = uuid.uuid4()
    prefix = f"h5p/{uuid.uuid4().hex}/"
    written = _store_members(source, package, prefix, limits)
    try:
        with transaction.atomic():
            if replace is not None:
                # The row keeps its id, so lessons keep pointing at it; files move folder.
                content = H5PContent.objects.select_for_update().get(pk=replace.pk)
                old_files = list(content.files)
            else:
                content = H5PContent(pk=content_id, created_by=user)
                old_files = []
            content.prefix, content.files = prefix, written
            main = package.metadata["mainLibrary"]
            version = next(
                (
                    f"{lib['majorVersion']}.{lib['minorVersion']}"
                    for lib in package.libraries.values()
                    if lib["machineName"] == main
                ),
                "",
            )
            content.title = (title or package.metadata.get("title") or main)[:255]
            content.main_library = f"{main} {version}".strip()
            content.language = str(package.metadata.get("language", ""))[:20]
            content.metadata = package.metadata
            content.size = package.total_bytes
            content.full_clean()
            content.save()
    except BaseException:
        delete_stored_files(written)
        raise
    if old_files:
        transaction.on_commit(lambda: delete_stored_files(old_files))
    return content


def h5p_import_path(*, path: Path, title: str = "", user=None) -> H5PContent:
    with path.open("rb") as handle:
        return h5p_import(source=handle, size=path.stat().st_size, title=title, user=user)


@transaction.atomic
def h5p_delete(*, content: H5PContent) -> None:
    files = list(content.files)
    content.delete()
    transaction.on_commit(lambda: delete_stored_files(files))


# --- xAPI -------------------------------------------------------------------------

COMPLETING_VERBS = {
    "http://adlnet.gov/expapi/verbs/completed",
    "http://adlnet.gov/expapi/verbs/passed",
    "http://adlnet.gov/expapi/verbs/failed",
    "http://adlnet.gov/expapi/verbs/answered",
    "http://activitystrea.ms/schema/1.0/consume",
    "http://adlnet.gov/expapi/verbs/consumed",
}
SUB_CONTENT_EXTENSION = "http://h5p.org/x-api/h5p-subContentId"


class StatementError(Exception):
    pass


def _score(result: dict) -> Decimal | None:
    score = result.get("score")
    if not isinstance(score, dict):
        return None
    scaled = score.get("scaled")
    if isinstance(scaled, int | float) and not isinstance(scaled, bool):
        value = Decimal(str(scaled)) * 100
    else:
        raw, maximum = score.get("raw"), score.get("max")
        if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (raw, maximum)):
            return None
        if maximum <= 0:
            return None
        value = Decimal(str(raw)) * 100 / Decimal(str(maximum))
    return max(Decimal(0), min(Decimal(100), value)).quantize(Decimal("0.01"))


def statement_parse(statement) -> dict:
    """Check a statement's shape; return what we keep of it. Raise StatementError if bad."""
    if not isinstance(statement, dict):
        raise StatementError("statement must be an object")
    verb = statement.get("verb")
    if not isinstance(verb, dict) or not isinstance(verb.get("id"), str) or not verb["id"]:
        raise StatementError("verb.id is required")
    obj = statement.get("object")
    if not isinstance(obj, dict) or not isinstance(obj.get("id"), str):
        raise StatementError("object.id is required")
    result = statement.get("result", {})
    if not isinstance(result, dict):
        raise StatementError("result must be an object")
    for key in ("completion", "success"):
        if key in result and not isinstance(result[key], bool):
            raise StatementError(f"result.{key} must be true or false")
    definition = obj.get("definition") if isinstance(obj.get("definition"), dict) else {}
    extensions = (
        definition.get("extensions") if isinstance(definition.get("extensions"), dict) else {}
    )
    sub_content = extensions.get(SUB_CONTENT_EXTENSION)
    verb_id = verb["id"]
    is_top_level = not sub_content
    return {
        "verb": verb_id[:255],
        "object_id": obj["id"][:1000],
        "sub_content_id": str(sub_content or "")[:64],
        "is_top_level": is_top_level,
        # Nested statements (a question inside a set) never complete the parent.
        "completes": is_top_level and verb_id in COMPLETING_VERBS,
        "score": _score(result),
        "success": result.get("success"),
    }


def statement_log(*, user, content_id: int, lesson_id: int, statement: dict, fields: dict):
    """Store a statement that completes nothing (``statement_parse`` gave ``fields``)."""
    if fields["completes"]:
        raise ValueError("a completing statement goes through statement_record")
    return XAPIStatement.objects.create(
        user=user, content_id=content_id, lesson_id=lesson_id, statement=statement, **fields
    )


@transaction.atomic
def statement_record(
    *, user, content: H5PContent, lesson: LessonPage | None, statement: dict, enrollment=None
):
    """Store one statement; when it completes the activity, update the lesson's progress."""
    from courses.activities import lesson_activities_evaluate

    fields = statement_parse(statement)
    record = XAPIStatement.objects.create(
        user=user, content=content, lesson=lesson, statement=statement, **fields
    )
    if record.completes and enrollment is not None and lesson is not None:
        lesson_activities_evaluate(enrollment=enrollment, lesson=lesson)
        spent = duration_parse((statement.get("result") or {}).get("duration"))
        if spent:
            lesson_time_add(enrollment=enrollment, lesson=lesson, spent=spent)
    return record


DURATION = re.compile(r"^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$")
MAX_DURATION = timedelta(hours=8)  # a browser left open overnight says nothing useful


def duration_parse(value) -> timedelta | None:
    """An xAPI ISO 8601 duration such as "PT1M12.5S", or None when absent or odd."""
    match = DURATION.match(value) if isinstance(value, str) else None
    if not match or not any(match.groups()):
        return None
    hours, minutes, seconds = (float(part or 0) for part in match.groups())
    spent = timedelta(hours=hours, minutes=minutes, seconds=seconds)
    return spent if spent <= MAX_DURATION else None


@transaction.atomic
def user_data_save(*, user, content: H5PContent, data_type: str, sub_content_id: str, data: str):
    if not data or data == "RESET":
        H5PUserData.objects.filter(
            user=user, content=content, data_type=data_type, sub_content_id=sub_content_id
        ).delete()
        return None
    return H5PUserData.objects.update_or_create(
        user=user,
        content=content,
        data_type=data_type,
        sub_content_id=sub_content_id,
        defaults={"data": data},
    )[0]
