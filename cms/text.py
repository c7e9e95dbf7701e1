"""Arabic-aware text normalisation, shared by site search, forum search and quiz grading.

Folds the differences Arabic readers do not treat as different words: hamza
and madda forms of alef, taa marbuta and haa, alef maqsura and yaa, short
vowels and other diacritics (tashkeel), tatweel (kashida), presentation forms
and Arabic-Indic digits; Latin text is case-folded and spacing collapsed.
"""

import re
import unicodedata

_TRANSLATE = str.maketrans(
    {
        "\u0623": "\u0627",  # أ → ا
        "\u0625": "\u0627",  # إ → ا
        "\u0622": "\u0627",  # آ → ا
        "\u0671": "\u0627",  # ٱ → ا
        "\u0629": "\u0647",  # ة → ه
        "\u0649": "\u064a",  # ى → ي
        "\u0640": None,  # tatweel
        **{chr(0x0660 + digit): str(digit) for digit in range(10)},  # ٠-٩
        **{chr(0x06F0 + digit): str(digit) for digit in range(10)},  # ۰-۹
    }
)
# Harakat, tanween, shadda, sukun, superscript alef and Quranic annotation marks.
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_SPACES = re.compile(r"\s+")


def normalise_arabic(text: str) -> str:
    if not text:
        return ""
    # NFKC turns presentation forms (ﻹ, ﺍ…) back into base letters first.
    text = unicodedata.normalize("NFKC", text)
    text = _DIACRITICS.sub("", text)
    text = text.translate(_TRANSLATE).casefold()
    return _SPACES.sub(" ", text).strip()
