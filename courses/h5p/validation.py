"""Validate an .h5p package before anything is stored.

pyh5p supplies the archive-member policy (path safety, symlinks, extensions,
sizes, compression ratio); on top of it we check what pyh5p does not, or gets
wrong for real packages: the whole-archive limits, duplicate names, h5p.json
and content.json, every library.json, the main library, preloaded files and
media paths (external https URLs are allowed, as H5P allows them). Nothing is
extracted here, and only the small JSON members are read, so memory stays
bounded whatever the package's size. Every problem found is reported, each in
the user's language.
"""

import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import IO, Any

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from pyh5p.errors import SecurityError
from pyh5p.security import ArchiveLimits, validate_archive_member

# H5P's own allow-list: content files plus library code (js, css).
H5P_EXTENSIONS = frozenset(
    [
        "json",
        "png",
        "jpg",
        "jpeg",
        "gif",
        "bmp",
        "tif",
        "tiff",
        "svg",
        "eot",
        "ttf",
        "woff",
        "woff2",
        "otf",
        "webm",
        "mp4",
        "ogg",
        "mp3",
        "m4a",
        "wav",
        "txt",
        "pdf",
        "rtf",
        "doc",
        "docx",
        "xls",
        "xlsx",
        "ppt",
        "pptx",
        "odt",
        "ods",
        "odp",
        "xml",
        "csv",
        "diff",
        "patch",
        "swf",
        "md",
        "textile",
        "vtt",
        "webvtt",
        "gltf",
        "glb",
        "js",
        "css",
    ]
)
MACHINE_NAME = re.compile(r"^[\w.\-]{1,255}$")
LIBRARY_DIR = re.compile(r"^(?P<name>[\w.\-]+)-(?P<major>\d+)\.(?P<minor>\d+)$")
LANGUAGE_FILE = re.compile(r"^[a-z]{2,3}(-[a-zA-Z0-9]{1,8})*\.json$")


def _version(value: Any) -> int | None:
    """H5P writes versions as numbers in library.json and as strings in h5p.json."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return None


MAX_JSON_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class H5PLimits:
    max_package_bytes: int
    max_files: int
    max_file_bytes: int
    max_total_bytes: int
    max_compression_ratio: float

    @classmethod
    def from_settings(cls) -> "H5PLimits":
        config = settings.H5P_LIMITS
        return cls(
            max_package_bytes=config["MAX_PACKAGE_BYTES"],
            max_files=config["MAX_FILES"],
            max_file_bytes=config["MAX_FILE_BYTES"],
            max_total_bytes=config["MAX_TOTAL_BYTES"],
            max_compression_ratio=config["MAX_COMPRESSION_RATIO"],
        )

    def archive_limits(self) -> ArchiveLimits:
        return ArchiveLimits(
            max_files=self.max_files,
            max_file_size=self.max_file_bytes,
            max_total_size=self.max_total_bytes,
            max_compression_ratio=self.max_compression_ratio,
            allowed_extensions=H5P_EXTENSIONS,
        )


class H5PValidationError(Exception):
    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass
class ValidPackage:
    """What the importer needs: the members to store and the package's metadata."""

    metadata: dict[str, Any]
    members: list[zipfile.ZipInfo]
    libraries: dict[str, dict[str, Any]] = field(default_factory=dict)
    total_bytes: int = 0


def _size(value: int) -> str:
    return filesizeformat(value)


def _read_json(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Any:
    if info.file_size > MAX_JSON_BYTES:
        raise ValueError(_("it is larger than %(size)s") % {"size": _size(MAX_JSON_BYTES)})
    with archive.open(info) as handle:
        raw = handle.read(MAX_JSON_BYTES + 1)
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ValueError(_("it is not UTF-8 text")) from exc
    except json.JSONDecodeError as exc:
        raise ValueError(
            _("it is not valid JSON (line %(line)d, column %(column)d)")
            % {"line": exc.lineno, "column": exc.colno}
        ) from exc


def _member_errors(infos: list[zipfile.ZipInfo], limits: H5PLimits) -> list[str]:
    errors: list[str] = []
    policy = limits.archive_limits()
    if len(infos) > limits.max_files:
        errors.append(
            _("The package holds %(count)d files; at most %(limit)d are allowed.")
            % {"count": len(infos), "limit": limits.max_files}
        )
    seen: set[str] = set()
    total = compressed = 0
    for info in infos:
        name = info.filename
        folded = name.rstrip("/").casefold()
        if folded in seen:
            errors.append(_("The file “%(name)s” appears twice in the package.") % {"name": name})
        seen.add(folded)
        if info.flag_bits & 0x1:
            errors.append(_("The file “%(name)s” is encrypted.") % {"name": name})
        try:
            validate_archive_member(name, info, policy)
        except SecurityError as exc:
            errors.append(_security_message(name, info, str(exc), limits))
        total += info.file_size
        compressed += info.compress_size
    if total > limits.max_total_bytes:
        errors.append(
            _("The package expands to %(size)s; at most %(limit)s are allowed.")
            % {"size": _size(total), "limit": _size(limits.max_total_bytes)}
        )
    if total and total / max(compressed, 1) > limits.max_compression_ratio:
        errors.append(_("The package is compressed suspiciously well (a “zip bomb”)."))
    return errors


def _security_message(name: str, info: zipfile.ZipInfo, detail: str, limits: H5PLimits) -> str:
    if "symbolic link" in detail:
        return _("The package contains a symbolic link: “%(name)s”.") % {"name": name}
    if "unsafe archive member path" in detail:
        return _("The path “%(name)s” is not allowed (absolute, “..” or a drive letter).") % {
            "name": name
        }
    if "extension is not allowed" in detail:
        return _("Files of type “%(ext)s” are not allowed in H5P packages: “%(name)s”.") % {
            "ext": PurePosixPath(name).suffix.lower(),
            "name": name,
        }
    if "size limit" in detail:
        return _("The file “%(name)s” is larger than %(limit)s.") % {
            "name": name,
            "limit": _size(limits.max_file_bytes),
        }
    if "compression ratio" in detail:
        return _("The file “%(name)s” is compressed suspiciously well (a “zip bomb”).") % {
            "name": name
        }
    return _("The file “%(name)s” is not allowed: %(detail)s") % {"name": name, "detail": detail}


def _dependency_errors(where: str, dependencies: Any) -> list[str]:
    if dependencies is None:
        return []
    if not isinstance(dependencies, list):
        return [_("%(where)s: the dependency list is not a list.") % {"where": where}]
    errors = []
    for dependency in dependencies:
        if not (
            isinstance(dependency, dict)
            and isinstance(dependency.get("machineName"), str)
            and _version(dependency.get("majorVersion")) is not None
            and _version(dependency.get("minorVersion")) is not None
        ):
            errors.append(
                _("%(where)s: a dependency lacks its machine name or version.") % {"where": where}
            )
    return errors


def _check_metadata(metadata: Any) -> list[str]:
    if not isinstance(metadata, dict):
        return [_("h5p.json must hold a JSON object.")]
    errors = []
    for key in ("title", "mainLibrary", "language"):
        if not isinstance(metadata.get(key), str) or not metadata.get(key):
            errors.append(_("h5p.json lacks its “%(key)s”.") % {"key": key})
    for key in ("preloadedDependencies", "embedTypes"):
        if not isinstance(metadata.get(key), list):
            errors.append(_("h5p.json lacks its “%(key)s” list.") % {"key": key})
    errors += _dependency_errors("h5p.json", metadata.get("preloadedDependencies"))
    return errors


def _check_library(directory: str, data: Any, names: set[str]) -> list[str]:
    where = _("library %(name)s") % {"name": directory}
    if not isinstance(data, dict):
        return [_("The %(where)s has a library.json that is not a JSON object.") % {"where": where}]
    problems = []
    for key in ("title", "machineName"):
        if not isinstance(data.get(key), str) or not data.get(key):
            problems.append(_("“%(key)s” is missing") % {"key": key})
    for key in ("majorVersion", "minorVersion", "patchVersion"):
        if not isinstance(data.get(key), int) or isinstance(data.get(key), bool):
            problems.append(_("“%(key)s” is missing or not a number") % {"key": key})
    if isinstance(data.get("machineName"), str) and not MACHINE_NAME.match(data["machineName"]):
        problems.append(_("the machine name is not valid"))
    if problems:
        return [
            _("The %(where)s has an invalid library.json: %(problems)s.")
            % {"where": where, "problems": "; ".join(problems)}
        ]
    errors = _dependency_errors(where, data.get("preloadedDependencies"))
    for name in sorted(names):
        if name.startswith(f"{directory}/language/"):
            filename = name.rsplit("/", 1)[1]
            if not LANGUAGE_FILE.match(filename):
                errors.append(
                    _("The %(where)s has a language file with an invalid name: “%(file)s”.")
                    % {"where": where, "file": filename}
                )
    for key in ("preloadedJs", "preloadedCss"):
        files = data.get(key) or []
        if not isinstance(files, list):
            errors.append(
                _("The %(where)s: “%(key)s” is not a list.") % {"where": where, "key": key}
            )
            continue
        for entry in files:
            path = entry.get("path") if isinstance(entry, dict) else None
            if not isinstance(path, str) or f"{directory}/{path}" not in names:
                errors.append(
                    _(
                        "The %(where)s lists the preloaded file “%(path)s”, "
                        "which is not in the package."
                    )
                    % {"where": where, "path": path}
                )
    return errors


def _media_paths(value: Any) -> list[str]:
    """Relative file paths referenced by content.json (``{"path": …}`` objects)."""
    found = []
    if isinstance(value, dict):
        path = value.get("path")
        if isinstance(path, str) and "mime" in value:
            found.append(path)
        for child in value.values():
            found += _media_paths(child)
    elif isinstance(value, list):
        for child in value:
            found += _media_paths(child)
    return found


def _check_media(content: Any, names: set[str]) -> list[str]:
    errors = []
    for path in _media_paths(content):
        if re.match(r"^https?://", path):
            continue  # H5P allows media hosted elsewhere (e.g. a video URL)
        clean = path.split("#", 1)[0]
        if ".." in PurePosixPath(clean).parts or clean.startswith("/") or "\\" in clean:
            errors.append(_("content.json refers to an unsafe path: “%(path)s”.") % {"path": path})
        elif f"content/{clean}" not in names:
            errors.append(
                _("content.json refers to “%(path)s”, which is not in the package.")
                % {"path": path}
            )
    return errors


def validate_package(
    source: IO[bytes], *, size: int, limits: H5PLimits | None = None
) -> ValidPackage:
    """Check an open .h5p file; raise :class:`H5PValidationError` with every reason."""
    limits = limits or H5PLimits.from_settings()
    if size > limits.max_package_bytes:
        raise H5PValidationError(
            [
                _("The package is %(size)s; at most %(limit)s are allowed.")
                % {"size": _size(size), "limit": _size(limits.max_package_bytes)}
            ]
        )
    try:
        archive = zipfile.ZipFile(source)
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise H5PValidationError(
            [_("The file is not an H5P package: it is not a valid zip archive.")]
        ) from exc
    errors = _member_errors(infos, limits)
    by_name = {info.filename: info for info in infos if not info.is_dir()}
    names = set(by_name)

    metadata: Any = None
    if "h5p.json" not in by_name:
        errors.append(_("The package has no h5p.json."))
    else:
        try:
            metadata = _read_json(archive, by_name["h5p.json"])
        except ValueError as exc:
            errors.append(_("h5p.json is not valid: %(reason)s.") % {"reason": exc})
        else:
            errors += _check_metadata(metadata)

    content: Any = None
    if "content/content.json" not in by_name:
        errors.append(_("The package has no content/content.json."))
    else:
        try:
            content = _read_json(archive, by_name["content/content.json"])
        except ValueError as exc:
            errors.append(_("content/content.json is not valid: %(reason)s.") % {"reason": exc})
        else:
            if not isinstance(content, dict):
                errors.append(_("content/content.json must hold a JSON object."))
            else:
                errors += _check_media(content, names)

    libraries: dict[str, dict[str, Any]] = {}
    for name in sorted(names):
        parts = name.split("/")
        if len(parts) == 2 and parts[1] == "library.json" and parts[0] != "content":
            try:
                data = _read_json(archive, by_name[name])
            except ValueError as exc:
                errors.append(
                    _("The library %(name)s has an invalid library.json: %(reason)s.")
                    % {"name": parts[0], "reason": exc}
                )
                continue
            library_errors = _check_library(parts[0], data, names)
            errors += library_errors
            if not library_errors:
                libraries[parts[0]] = data

    if isinstance(metadata, dict) and isinstance(metadata.get("mainLibrary"), str):
        # Library folders are named Machine.Name-major.minor; an invalid one was
        # reported above, so it still counts as present here.
        packaged = set()
        for name in names:
            parts = name.split("/")
            match = LIBRARY_DIR.match(parts[0])
            if len(parts) == 2 and parts[1] == "library.json" and match:
                packaged.add((match["name"], int(match["major"]), int(match["minor"])))
        if not any(lib[0] == metadata["mainLibrary"] for lib in packaged):
            errors.append(
                _("The main library %(name)s is not in the package.")
                % {"name": metadata["mainLibrary"]}
            )
        for dependency in metadata.get("preloadedDependencies") or []:
            if (
                isinstance(dependency, dict)
                and (
                    dependency.get("machineName"),
                    _version(dependency.get("majorVersion")),
                    _version(dependency.get("minorVersion")),
                )
                not in packaged
            ):
                errors.append(
                    _(
                        "The library %(name)s %(major)s.%(minor)s that the content needs "
                        "is not in the package."
                    )
                    % {
                        "name": dependency.get("machineName"),
                        "major": dependency.get("majorVersion"),
                        "minor": dependency.get("minorVersion"),
                    }
                )
    if errors:
        raise H5PValidationError(list(dict.fromkeys(errors)))
    # Stored: h5p.json, content/ and library folders. Loose top-level files
    # (such as H5P_CONTENT_HERE.txt) are ignored, as H5P players ignore them.
    library_dirs = set(libraries)
    members = [
        info
        for info in infos
        if not info.is_dir()
        and (
            info.filename == "h5p.json"
            or info.filename.startswith("content/")
            or info.filename.split("/", 1)[0] in library_dirs
        )
    ]
    return ValidPackage(
        metadata=metadata,
        members=members,
        libraries=libraries,
        total_bytes=sum(info.file_size for info in members),
    )
