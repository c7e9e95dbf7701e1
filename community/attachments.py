"""Forum attachments: documents and images, checked by type, content and size.

The extension must be on the list *and* the first bytes must match it (a
renamed executable is refused), files are stored under a random name in
private storage, and they are sent only through ``PlatformPage.attachment``,
which checks that the reader may see the post.
"""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.utils.functional import LazyObject
from django.utils.translation import gettext as _

ZIP = b"PK\x03\x04"
# extension: (content type, is an image, accepted first bytes)
TYPES = {
    "pdf": ("application/pdf", False, (b"%PDF-",)),
    "png": ("image/png", True, (b"\x89PNG\r\n\x1a\n",)),
    "jpg": ("image/jpeg", True, (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", True, (b"\xff\xd8\xff",)),
    "webp": ("image/webp", True, (b"RIFF",)),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        False,
        (ZIP,),
    ),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", False, (ZIP,)),
    "pptx": (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        False,
        (ZIP,),
    ),
    "odt": ("application/vnd.oasis.opendocument.text", False, (ZIP,)),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", False, (ZIP,)),
    "txt": ("text/plain; charset=utf-8", False, None),
    "csv": ("text/csv; charset=utf-8", False, None),
}


class PrivateStorage(LazyObject):
    def _setup(self):
        self._wrapped = FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


private_storage = PrivateStorage()


def extension(name: str) -> str:
    return PurePath(name).suffix.lower().lstrip(".")


def validate(files) -> list:
    """The uploaded files if every one is acceptable; otherwise one clear error for all."""
    files = [f for f in files if f]
    limit = settings.FORUM_ATTACHMENTS_PER_POST
    if len(files) > limit:
        raise ValidationError(
            _("At most %(count)d files can be attached to a post.") % {"count": limit}
        )
    for upload in files:
        name = PurePath(upload.name).name
        kind = TYPES.get(extension(name))
        if kind is None:
            raise ValidationError(
                _("%(name)s: this type of file cannot be attached. Accepted: %(types)s.")
                % {"name": name, "types": ", ".join(sorted(TYPES))}
            )
        if upload.size > settings.FORUM_ATTACHMENT_MAX_BYTES:
            raise ValidationError(
                _("%(name)s is larger than %(size)d MB.")
                % {"name": name, "size": settings.FORUM_ATTACHMENT_MAX_BYTES // (1024 * 1024)}
            )
        upload.seek(0)
        head = upload.read(2048)
        upload.seek(0)
        _type, _image, magic = kind
        if magic is None:
            try:
                head.decode("utf-8")
            except UnicodeDecodeError:
                # The 2 KB cut may split a character: only the last three bytes may be partial.
                try:
                    head[:-3].decode("utf-8")
                except UnicodeDecodeError:
                    raise ValidationError(
                        _("%(name)s is not a UTF-8 text file.") % {"name": name}
                    ) from None
        elif not head.startswith(magic) or (extension(name) == "webp" and head[8:12] != b"WEBP"):
            raise ValidationError(
                _("%(name)s does not contain what its name says.") % {"name": name}
            )
    return files


def store(upload) -> str:
    """Saves the file under a random name; returns the storage name."""
    name = f"forum/{uuid.uuid4().hex}.{extension(upload.name)}"
    return private_storage.save(name, upload)
