"""Short human verification codes: MRKZ-XXXX-XXXC.

Seven random characters from an alphabet without look-alikes (no 0/O, 1/I/L,
U) and one check character, so a mistyped code is recognised as malformed
rather than looked up.
"""

import re
import secrets

# 29 characters: a prime count, so the weighted check catches every single typo.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXY"
PREFIX = "MRKZ"
PATTERN = re.compile(rf"^{PREFIX}-([{ALPHABET}]{{4}})-([{ALPHABET}]{{4}})$")


def _check_character(body: str) -> str:
    # Weighted sum modulo the (prime) alphabet size: any single wrong character
    # and any swap of two neighbours changes it.
    total = sum((index + 1) * ALPHABET.index(char) for index, char in enumerate(body))
    return ALPHABET[total % len(ALPHABET)]


def code_generate() -> str:
    body = "".join(secrets.choice(ALPHABET) for _ in range(7))
    full = body + _check_character(body)
    return f"{PREFIX}-{full[:4]}-{full[4:]}"


def code_normalise(value: str) -> str | None:
    """The canonical code for what someone typed, or None when it cannot be one."""
    cleaned = re.sub(r"[\s\-_]", "", (value or "").upper())
    cleaned = cleaned.replace("O", "0").replace("I", "1").replace("L", "1")
    if cleaned.startswith(PREFIX):
        cleaned = cleaned[len(PREFIX) :]
    if len(cleaned) != 8 or any(char not in ALPHABET for char in cleaned):
        return None
    if _check_character(cleaned[:7]) != cleaned[7]:
        return None
    return f"{PREFIX}-{cleaned[:4]}-{cleaned[4:]}"
