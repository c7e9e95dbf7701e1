"""H5P packages: every shared package, crafted attacks, and nothing left behind on rejection."""

import io
import json
import zipfile
from pathlib import Path

from django.core.management import CommandError, call_command
from django.utils import translation

import pytest

from courses.h5p.services import h5p_delete, h5p_import, h5p_import_path
from courses.h5p.validation import H5PValidationError
from courses.models import H5PContent

from ..accounts.test_signup import translated

pytestmark = pytest.mark.django_db

SHARED = Path(__file__).resolve().parents[3] / "shared" / "h5p"
VALID = sorted((SHARED / "valid").glob("*.h5p"))
INVALID_REASONS = {
    "corrupt_archive.h5p": ["not a valid zip archive"],
    "broken-h5p-json.h5p": ["h5p.json is not valid", "not valid JSON"],
    "broken-content-json.h5p": ["content/content.json is not valid", "not valid JSON"],
    "invalid-library-json.h5p": [
        "H5P.GreetingCard-1.0 has an invalid library.json",
        "majorVersion",
    ],
    "missing-preloaded-js.h5p": ["preloaded file “greetingcard.js”"],
    "2-invalid-libraries.h5p": ["H5P.GreetingCard-1.0", "H5P.GreetingCard2-1.0"],
}
TRUE_FALSE = SHARED / "valid" / "H5P.TrueFalse-small.h5p"


@pytest.fixture
def baseline():
    """Activities that exist before the test (the demo content has some)."""
    return H5PContent.objects.count()


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def stored_files(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT) / "h5p"
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def test_shared_packages_are_present():
    assert len(VALID) == 8
    assert {path.name for path in (SHARED / "invalid").glob("*.h5p")} == set(INVALID_REASONS)


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_every_valid_package_imports(settings, path):
    content = h5p_import_path(path=path)
    assert (
        content.main_library.split()[0]
        == json.loads(zipfile.ZipFile(path).read("h5p.json"))["mainLibrary"]
    )
    files = stored_files(settings)
    assert len(files) == len(content.files) > 10
    assert (Path(settings.MEDIA_ROOT) / content.prefix / "h5p.json").is_file()
    assert (Path(settings.MEDIA_ROOT) / content.prefix / "content" / "content.json").is_file()
    # Loose top-level files that players ignore are not stored.
    assert not any(name.endswith("H5P_CONTENT_HERE.txt") for name in content.files)


@pytest.mark.parametrize("name", sorted(INVALID_REASONS))
def test_every_invalid_package_is_rejected_for_its_own_reason(settings, name, baseline):
    with pytest.raises(H5PValidationError) as excinfo:
        h5p_import_path(path=SHARED / "invalid" / name)
    message = "\n".join(excinfo.value.errors)
    for expected in INVALID_REASONS[name]:
        assert expected in message
    assert H5PContent.objects.count() == baseline
    assert stored_files(settings) == []


def test_both_invalid_libraries_are_named_separately():
    with pytest.raises(H5PValidationError) as excinfo:
        h5p_import_path(path=SHARED / "invalid" / "2-invalid-libraries.h5p")
    errors = excinfo.value.errors
    assert any("GreetingCard-1.0" in e and "XXX!.json" in e for e in errors)
    assert any("GreetingCard2-1.0" in e and "title" in e for e in errors)


def repack(extra: dict[str, bytes] | None = None, *, infos: list | None = None) -> io.BytesIO:
    """The TrueFalse package with extra members added."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(TRUE_FALSE) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for item in source.infolist():
            out.writestr(item, source.read(item))
        for name, data in (extra or {}).items():
            out.writestr(name, data)
        for info, data in infos or []:
            out.writestr(info, data)
    buffer.seek(0)
    return buffer


def import_buffer(buffer: io.BytesIO) -> H5PContent:
    return h5p_import(source=buffer, size=len(buffer.getvalue()))


def symlink_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = 0o120777 << 16  # a Unix symbolic link
    return info


@pytest.mark.parametrize(
    ("members", "expected"),
    [
        ({"../evil.js": b"alert(1)"}, "is not allowed"),
        ({"/etc/passwd.json": b"{}"}, "is not allowed"),
        ({"content\\..\\..\\evil.json": b"{}"}, "is not allowed"),
        ({"C:/windows/evil.json": b"{}"}, "is not allowed"),
        ({"content/shell.php": b"<?php system($_GET[1]);"}, "“.php”"),
        ({"content/page.html": b"<script>alert(1)</script>"}, "“.html”"),
        ({"content/run.exe": b"MZ"}, "“.exe”"),
        ({"content/run.sh": b"#!/bin/sh"}, "“.sh”"),
        ({"content/bomb.json": b"0" * (20 * 1024 * 1024)}, "zip bomb"),
    ],
    ids=["traversal", "absolute", "backslash", "drive", "php", "html", "exe", "sh", "bomb"],
)
def test_crafted_archives_are_rejected_leaving_nothing(settings, members, expected, baseline):
    with pytest.raises(H5PValidationError) as excinfo:
        import_buffer(repack(members))
    assert expected in "\n".join(excinfo.value.errors)
    assert H5PContent.objects.count() == baseline
    assert stored_files(settings) == []


def test_symlinks_are_rejected(settings):
    buffer = repack(infos=[(symlink_info("content/link.json"), b"/etc/passwd")])
    with pytest.raises(H5PValidationError, match="symbolic link"):
        import_buffer(buffer)
    assert stored_files(settings) == []


def test_duplicate_names_are_rejected(settings):
    with pytest.warns(UserWarning, match="Duplicate name"):  # zipfile notices, and allows it
        buffer = repack(infos=[(zipfile.ZipInfo("h5p.json"), b"{}")])
    with pytest.raises(H5PValidationError, match="appears twice"):
        import_buffer(buffer)
    assert stored_files(settings) == []


@pytest.mark.parametrize(
    ("limit", "value", "expected"),
    [
        ("MAX_PACKAGE_BYTES", 100_000, "The package is"),
        ("MAX_FILES", 20, "at most 20 are allowed"),
        ("MAX_FILE_BYTES", 50_000, "is larger than"),
        ("MAX_TOTAL_BYTES", 1_000_000, "expands to"),
    ],
)
def test_configurable_limits(settings, limit, value, expected):
    settings.H5P_LIMITS = {**settings.H5P_LIMITS, limit: value}
    with pytest.raises(H5PValidationError) as excinfo:
        h5p_import_path(path=TRUE_FALSE)
    assert expected in "\n".join(excinfo.value.errors)
    assert stored_files(settings) == []


def test_replace_keeps_the_id_and_removes_old_files(settings, django_capture_on_commit_callbacks):
    content = h5p_import_path(path=TRUE_FALSE, title="سؤال")
    old = set(content.files)
    other = SHARED / "valid" / "H5P.MultiChoice.h5p"
    with django_capture_on_commit_callbacks(execute=True), other.open("rb") as handle:
        replaced = h5p_import(source=handle, size=other.stat().st_size, replace=content)
    assert replaced.pk == content.pk
    assert replaced.main_library.startswith("H5P.MultiChoice")
    names = {str(path.relative_to(settings.MEDIA_ROOT)) for path in stored_files(settings)}
    assert names == set(replaced.files)
    assert not (names & old)


def test_delete_removes_files(settings, django_capture_on_commit_callbacks, baseline):
    content = h5p_import_path(path=TRUE_FALSE)
    with django_capture_on_commit_callbacks(execute=True):
        h5p_delete(content=content)
    assert stored_files(settings) == []
    assert H5PContent.objects.count() == baseline


def test_import_command(settings, capsys):
    call_command("import_h5p", str(TRUE_FALSE), "--title", "صح أم خطأ")
    content = H5PContent.objects.order_by("-created_at").first()
    assert capsys.readouterr().out.strip() == str(content.pk)
    assert content.title == "صح أم خطأ"
    with pytest.raises(CommandError, match="not a valid zip archive"):
        call_command("import_h5p", str(SHARED / "invalid" / "corrupt_archive.h5p"))
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_h5p", "/nonexistent.h5p")


def test_rejection_reasons_are_translated():
    with translation.override("ar"), pytest.raises(H5PValidationError) as excinfo:
        h5p_import_path(path=SHARED / "invalid" / "corrupt_archive.h5p")
    message = "The file is not an H5P package: it is not a valid zip archive."
    assert excinfo.value.errors == [translated("ar", message)]


def test_admin_upload_and_delete(
    client, django_user_model, settings, baseline, django_capture_on_commit_callbacks
):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    admin = django_user_model.objects.create_superuser(email="h5p-admin@example.ly", password="x")
    client.force_login(admin)
    url = reverse("wagtailsnippets_courses_h5pcontent:add")
    bad = SimpleUploadedFile(
        "bad.h5p", (SHARED / "invalid" / "missing-preloaded-js.h5p").read_bytes()
    )
    response = client.post(url, {"title": "", "package": bad})
    assert response.status_code == 200
    assert "greetingcard.js" in response.content.decode()
    assert H5PContent.objects.count() == baseline
    assert stored_files(settings) == []

    good = SimpleUploadedFile("tf.h5p", TRUE_FALSE.read_bytes())
    response = client.post(url, {"title": "نشاط من لوحة الإدارة", "package": good})
    assert response.status_code == 302
    content = H5PContent.objects.get(title="نشاط من لوحة الإدارة")
    assert len(stored_files(settings)) == len(content.files)

    delete_url = reverse("wagtailsnippets_courses_h5pcontent:delete", args=[content.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(delete_url).status_code == 302
    assert stored_files(settings) == []


def test_only_the_trainer_who_uploaded_an_activity_changes_it(client, baseline):
    from django.contrib.auth.models import Group
    from django.urls import reverse

    from courses.team import TRAINERS

    from .conftest import make_user

    author, colleague = make_user("h5p-author@example.ly"), make_user("h5p-other@example.ly")
    for trainer in (author, colleague):
        trainer.groups.add(Group.objects.get(name=TRAINERS))
    content = h5p_import_path(path=TRUE_FALSE, title="نشاط المؤلف", user=author)
    edit = reverse("wagtailsnippets_courses_h5pcontent:edit", args=[content.pk])
    listing = reverse("wagtailsnippets_courses_h5pcontent:list")

    # Every trainer finds it in the library (to use it in a lesson), only its author edits it.
    client.force_login(colleague)
    assert "نشاط المؤلف" in client.get(listing).content.decode()
    assert client.get(edit).status_code == 302
    client.post(edit, {"title": "عنوان دخيل"})
    content.refresh_from_db()
    assert content.title == "نشاط المؤلف"

    client.force_login(author)
    assert client.get(edit).status_code == 200
    assert client.post(edit, {"title": "عنوان جديد"}).status_code == 302
    content.refresh_from_db()
    assert content.title == "عنوان جديد"
