"""Build the site's web fonts from the installed font packages.

IBM Plex Sans Arabic comes as TTF in the ``fontpkg-ibm-plex-sans-arabic``
wheel. Browsers get a WOFF2 subset (Arabic, Latin, punctuation) that keeps
every OpenType layout feature, so Arabic letters still join. Served from our
own static files: no font CDN.

Run: ``python -m cms.fonts OUTPUT_DIR``
"""

import sys
from pathlib import Path

import fontpkg_ibm_plex_sans_arabic
from fontTools import subset

WEIGHTS = {400: "Regular", 700: "Bold"}
UNICODES = [
    "U+0000-00FF",  # Basic Latin and Latin-1 (French accents)
    "U+0152-0153",  # Œ œ
    "U+0600-06FF",  # Arabic
    "U+0750-077F",  # Arabic Supplement
    "U+08A0-08FF",  # Arabic Extended-A
    "U+FB50-FDFF",  # Arabic Presentation Forms-A
    "U+FE70-FEFF",  # Arabic Presentation Forms-B
    "U+2000-206F",  # General Punctuation (bidi marks, dashes, quotes)
    "U+20AC",  # €
]


def font_source(weight: int) -> Path:
    root = Path(fontpkg_ibm_plex_sans_arabic.__file__).resolve().parent / "files"
    return root / f"IBMPlexSansArabic-{WEIGHTS[weight]}.ttf"


def build(output: Path) -> list[Path]:
    output.mkdir(parents=True, exist_ok=True)
    written = []
    for weight in WEIGHTS:
        target = output / f"ibm-plex-sans-arabic-{weight}.woff2"
        subset.main(
            [
                str(font_source(weight)),
                f"--unicodes={','.join(UNICODES)}",
                "--layout-features=*",
                "--flavor=woff2",
                "--no-hinting",
                f"--output-file={target}",
            ]
        )
        written.append(target)
    return written


if __name__ == "__main__":
    for path in build(Path(sys.argv[1])):
        print(f"{path} {path.stat().st_size} bytes")
