"""Arabic and French catalogues are complete and cover every string in the code."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[1]
CATALOGUES = {code: ROOT / "locale" / code / "LC_MESSAGES" / "django.po" for code in ("ar", "fr")}
SOURCES = ("cms", "courses", "community", "manage.py")


@pytest.mark.parametrize("code", sorted(CATALOGUES))
def test_catalogue_has_no_untranslated_or_fuzzy_entry(code):
    catalogue = polib.pofile(str(CATALOGUES[code]))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not untranslated, f"{code}: untranslated: {untranslated}"
    assert not fuzzy, f"{code}: fuzzy: {fuzzy}"
    assert len(catalogue) > 50


@pytest.mark.parametrize("code", sorted(CATALOGUES))
def test_placeholders_survive_translation(code):
    pattern = re.compile(r"%\(\w+\)[sd]|\{\w*\}")
    for entry in polib.pofile(str(CATALOGUES[code])):
        source = sorted(pattern.findall(entry.msgid))
        if entry.msgid_plural:
            for text in entry.msgstr_plural.values():
                allowed = set(source + pattern.findall(entry.msgid_plural))
                assert set(pattern.findall(text)) <= allowed
        else:
            assert sorted(pattern.findall(entry.msgstr)) == source, entry.msgid


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs GNU gettext's xgettext")
def test_catalogues_cover_every_string_in_the_code(tmp_path):
    """Extract the strings afresh and compare: a new string without a translation fails."""
    for name in SOURCES:
        source = ROOT / name
        target = tmp_path / name
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target)
    (tmp_path / "locale" / "ar" / "LC_MESSAGES").mkdir(parents=True)
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "ar", "--no-location"],
        cwd=tmp_path,
        env={"DJANGO_SETTINGS_MODULE": "cms.settings.test", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    extracted = polib.pofile(str(tmp_path / "locale/ar/LC_MESSAGES/django.po"))
    fresh = {entry.msgid for entry in extracted}
    for code, path in CATALOGUES.items():
        known = {entry.msgid for entry in polib.pofile(str(path)) if entry.translated()}
        missing = sorted(fresh - known)
        assert not missing, f"{code}: not in the catalogue (run `make messages`): {missing}"
