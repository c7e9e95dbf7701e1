"""Municipality reference data and its CSV import: good rows in, bad files rejected whole."""

from io import StringIO
from pathlib import Path

from django.core.management import CommandError, call_command
from django.utils import translation

import pytest

from cms.municipalities.models import Municipality
from cms.municipalities.services import MunicipalityImportError, municipalities_import_csv

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    # Commands speak the site's default language (Arabic); these tests read English.
    with translation.override("en"):
        yield


HEADER = "slug,name_ar,name_en,name_fr,country,region\n"


def write(tmp_path: Path, text: str, encoding="utf-8") -> Path:
    path = tmp_path / "municipalities.csv"
    path.write_bytes(text.encode(encoding))
    return path


def test_reference_data_names_the_centres_municipalities():
    expected = {
        "wadi-etba": "وادي عتبة",
        "traghen": "تراغن",
        "al-sharqiya": "الشرقية",
        "marada": "مرادة",
        "wadi-al-bawanis": "وادي البوانيس",
        "al-daraj": "الدرج",
        "gharyan": "غريان",
        "ghadames": "غدامس",
        "tripoli": "طرابلس",
    }
    found = dict(Municipality.objects.filter(slug__in=expected).values_list("slug", "name_ar"))
    assert found == expected
    ghadames = Municipality.objects.get(slug="ghadames")
    assert ghadames.country == "LY"
    for language, name in (("ar", "غدامس"), ("en", "Ghadames"), ("fr", "Ghadamès")):
        with translation.override(language):
            assert ghadames.name == name


def test_command_imports_and_updates_by_slug(tmp_path):
    path = write(
        tmp_path,
        HEADER
        + "beit-jala,بيت جالا,Beit Jala,Beit Jala,PS,الضفة الغربية\n"
        + "ghadames,غدامس,Ghadames (old town),Ghadamès,LY,المنطقة الغربية\n",
    )
    before = Municipality.objects.count()
    out = StringIO()
    call_command("import_municipalities", str(path), stdout=out)
    assert "1 created, 1 updated" in out.getvalue()
    assert Municipality.objects.count() == before + 1
    assert Municipality.objects.get(slug="beit-jala").name_ar == "بيت جالا"
    assert Municipality.objects.get(slug="ghadames").name_en == "Ghadames (old town)"

    # Running the same file again changes nothing.
    call_command("import_municipalities", str(path), stdout=StringIO())
    assert Municipality.objects.count() == before + 1


def test_bad_rows_are_reported_by_line_and_nothing_is_imported(tmp_path):
    path = write(
        tmp_path,
        HEADER
        + "zliten,زليتن,Zliten,Zliten,LY,\n"  # line 2: fine on its own
        + "nalut,,Nalut,Nalout,LY,\n"  # line 3: no Arabic name
        + "zliten,زليتن,Zliten,Zliten,LY,\n"  # line 4: duplicate slug
        + "kairouan,القيروان,Kairouan,Kairouan,XX,\n"  # line 5: unknown country
        + "bad slug!,درنة,Derna,Derna,LY,\n"  # line 6: slug with spaces
        + "derna,Derna,Derna,Derna,LY,\n",  # line 7: Arabic name without Arabic letters
    )
    before = set(Municipality.objects.values_list("slug", flat=True))
    with pytest.raises(CommandError) as excinfo:
        call_command("import_municipalities", str(path), stdout=StringIO())
    message = str(excinfo.value)
    assert "Nothing was imported" in message
    for line in (3, 4, 5, 6, 7):
        assert f"Line {line}:" in message
    assert "Line 2:" not in message
    assert "name_ar" in message
    assert "XX" in message
    assert set(Municipality.objects.values_list("slug", flat=True)) == before


def test_errors_are_in_the_users_language():
    data = (HEADER + "nalut,,Nalut,Nalout,LY,\n").encode()
    with translation.override("ar"), pytest.raises(MunicipalityImportError) as excinfo:
        municipalities_import_csv(data=data)
    error = excinfo.value.errors[0]
    assert error.line == 2
    with translation.override("ar"):
        text = str(error)
    assert "Line" not in text
    assert "2" in text
    assert "name_ar" in text
    assert any("\u0600" <= char <= "\u06ff" for char in text)


@pytest.mark.parametrize(
    ("content", "encoding", "expected"),
    [
        ("", "utf-8", "The file is empty."),
        ("slug,name_ar\nx,س\n", "utf-8", "missing columns: name_en, name_fr, country."),
        (HEADER + "sfax,صفاقس,Sfax,Sfax,TN,\n", "cp1256", "not UTF-8"),
        (HEADER + "sfax,صفاقس,Sfax,Sfax,TN,,extra\n", "utf-8", "more cells than the header"),
        (HEADER, "utf-8", "no municipality rows"),
    ],
)
def test_malformed_files_are_rejected(tmp_path, content, encoding, expected):
    path = write(tmp_path, content, encoding)
    before = Municipality.objects.count()
    with pytest.raises(CommandError, match=expected):
        call_command("import_municipalities", str(path), stdout=StringIO())
    assert Municipality.objects.count() == before


def test_excel_bom_is_accepted(tmp_path):
    row = "sousse-medina,سوسة المدينة,Sousse Medina,Sousse Médina,TN,\n"
    path = write(tmp_path, "\ufeff" + HEADER + row)
    call_command("import_municipalities", str(path), stdout=StringIO())
    assert Municipality.objects.get(slug="sousse-medina").country == "TN"


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_municipalities", str(tmp_path / "nope.csv"))
