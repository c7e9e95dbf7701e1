"""Open Badges 3.0: every certificate as a signed OpenBadgeCredential.

Credentials are W3C Verifiable Credentials 2.0 secured as VC-JWT (JWS with
EdDSA over Ed25519): no JSON-LD canonicalisation, so signing and verifying need
no network. Revocation is published as a BitstringStatusList credential.

The private key is read from ``OPEN_BADGES_PRIVATE_KEY`` (PEM) or from the file
``OPEN_BADGES_KEY_FILE`` — never from the database. Public keys, current and
retired, are kept (public halves only) so older credentials still verify after
a rotation; ``manage.py badge_keys`` creates and rotates them.
"""

import base64
import functools
import gzip
import hashlib
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from courses.models import BadgeKey, Certificate

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
STATUS_LIST_BITS = 131_072  # the minimum size the BitstringStatusList spec asks for
ISSUER_NAME = {
    "ar": "مركز تطوير البلديات ودعم اللامركزية",
    "en": "Municipal Development and Decentralisation Support Centre",
}


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def b64url_decode(value: str) -> bytes:
    return base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))


def site_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


# --- Keys -----------------------------------------------------------------------------


def _private_key_pem() -> bytes:
    if pem := os.environ.get("OPEN_BADGES_PRIVATE_KEY"):
        return pem.encode()
    path = Path(os.environ.get("OPEN_BADGES_KEY_FILE", settings.OPEN_BADGES_KEY_FILE))
    if not path.is_file():
        raise ImproperlyConfigured(
            f"No Open Badges signing key: set OPEN_BADGES_PRIVATE_KEY or create {path} "
            "with `manage.py badge_keys generate`."
        )
    return path.read_bytes()


@functools.lru_cache(maxsize=4)
def _load_key(pem: bytes) -> tuple[str, str, Ed25519PrivateKey]:
    """The key id, public half and key of a PEM (parsed once per process and key)."""
    key = serialization.load_pem_private_key(pem, password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ImproperlyConfigured("The Open Badges key must be an Ed25519 key.")
    public = key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    return BadgeKey.kid_for(public), b64url(public), key


def signing_key() -> tuple[str, Ed25519PrivateKey]:
    """The current signing key, its public half published (the key is read anew each
    time, so a rotation takes effect at once)."""
    kid, public, key = _load_key(_private_key_pem())
    BadgeKey.objects.get_or_create(kid=kid, defaults={"public_key": public})
    return kid, key


def key_generate(path: Path) -> str:
    """Write a new private key to ``path`` (mode 600) and publish its public half."""
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
    public = key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    kid = BadgeKey.kid_for(public)
    BadgeKey.objects.update_or_create(kid=kid, defaults={"public_key": b64url(public)})
    BadgeKey.objects.exclude(kid=kid).filter(retired_at__isnull=True).update(
        retired_at=timezone.now()
    )
    return kid


def jwks() -> dict:
    return {
        "keys": [
            {"kty": "OKP", "crv": "Ed25519", "x": key.public_key, "kid": key.kid, "alg": "EdDSA"}
            for key in BadgeKey.objects.order_by("created_at")
        ]
    }


# --- JWS ----------------------------------------------------------------------------------


def jws_sign(payload: dict, key: tuple[str, Ed25519PrivateKey] | None = None) -> str:
    """``payload`` as a compact JWS; ``key`` (from :func:`signing_key`) when signing many."""
    kid, key = key or signing_key()
    header = {"alg": "EdDSA", "typ": "vc+jwt", "kid": kid}
    signing_input = (
        b64url(json.dumps(header, separators=(",", ":")).encode())
        + "."
        + b64url(json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode())
    )
    return signing_input + "." + b64url(key.sign(signing_input.encode()))


class CredentialError(Exception):
    pass


def jws_verify(token: str) -> dict:
    try:
        header_b64, payload_b64, signature_b64 = token.strip().split(".")
        header = json.loads(b64url_decode(header_b64))
        payload = json.loads(b64url_decode(payload_b64))
        signature = b64url_decode(signature_b64)
    except (ValueError, TypeError) as exc:
        raise CredentialError("not a compact JWS") from exc
    if header.get("alg") != "EdDSA":
        raise CredentialError("unsupported algorithm")
    key = BadgeKey.objects.filter(kid=header.get("kid")).first()
    if key is None:
        raise CredentialError("unknown signing key")
    public = Ed25519PublicKey.from_public_bytes(b64url_decode(key.public_key))
    try:
        public.verify(signature, f"{header_b64}.{payload_b64}".encode())
    except InvalidSignature as exc:
        raise CredentialError("bad signature") from exc
    return payload


# --- Credentials ---------------------------------------------------------------------


def _iso(moment) -> str:
    if not isinstance(moment, datetime):
        moment = datetime(moment.year, moment.month, moment.day, tzinfo=UTC)
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def issuer_profile() -> dict:
    return {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": site_url(reverse("badge_issuer")),
        "type": ["Profile"],
        "name": ISSUER_NAME["ar"],
        "url": site_url("/"),
        "description": ISSUER_NAME["en"],
    }


def status_list_number(index: int) -> int:
    """Which published status list holds a certificate's bit: 1 for the first 131,072."""
    return index // STATUS_LIST_BITS + 1


def status_list_url(number: int = 1) -> str:
    return site_url(reverse("badge_status_list", args=[number]))


@dataclass(frozen=True)
class Achievement:
    """What every credential of one course says about the course (looked up once a batch)."""

    url: str
    criteria: str

    @classmethod
    def of(cls, course) -> "Achievement":
        return cls(url=site_url(course.url or "/"), criteria=course.summary)


def recipient_identifier(certificate: Certificate) -> dict:
    """Whom the credential was awarded to, as Open Badges 3.0 asks of a subject without an
    ``id``: the learner's e-mail address, hashed with a salt of the credential's own, so
    that anyone who knows the address can check it and nobody can read it."""
    salt = certificate.pk.hex
    digest = hashlib.sha256((certificate.user.email + salt).encode()).hexdigest()
    return {
        "type": "IdentityObject",
        "identityType": "emailAddress",
        "hashed": True,
        "identityHash": f"sha256${digest}",
        "salt": salt,
    }


def credential_for(certificate: Certificate, achievement: Achievement | None = None) -> dict:
    achievement = achievement or Achievement.of(certificate.run.course)
    verify = site_url(reverse("verify", args=[certificate.code]))
    issuer = site_url(reverse("badge_issuer"))
    index = certificate.status_index
    credential = {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": f"urn:uuid:{certificate.pk}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": certificate.course_title,
        "issuer": {"id": issuer, "type": ["Profile"], "name": ISSUER_NAME["ar"]},
        "validFrom": _iso(certificate.issued_at),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [recipient_identifier(certificate)],
            "name": certificate.holder_name,
            "achievement": {
                "id": achievement.url,
                "type": ["Achievement"],
                "name": certificate.course_title,
                "description": certificate.course_title,
                "criteria": {"narrative": achievement.criteria},
            },
        },
        "evidence": [{"id": verify, "type": ["Evidence"], "name": certificate.code}],
    }
    if index is not None:
        status_list = status_list_url(status_list_number(index))
        credential["credentialStatus"] = {
            "id": f"{status_list}#{index % STATUS_LIST_BITS}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(index % STATUS_LIST_BITS),
            "statusListCredential": status_list,
        }
    if certificate.expires_on:
        credential["validUntil"] = _iso(certificate.expires_on)
    return credential


def credential_sign(
    certificate: Certificate, achievement: Achievement | None = None, key=None
) -> str:
    """Sign the certificate's credential and keep it on the certificate (not saved)."""
    certificate.credential = jws_sign(credential_for(certificate, achievement), key)
    return certificate.credential


def credential_jwt(certificate: Certificate) -> str:
    """The certificate's signed credential: the one issued with it, or, when what it says
    has changed since (an expiry set later, the course's page moved), a new one, kept."""
    current = credential_for(certificate)
    if certificate.credential:
        try:
            payload = json.loads(b64url_decode(certificate.credential.split(".")[1]))
        except (IndexError, ValueError):
            payload = None
        if payload == current:
            return certificate.credential
    certificate.credential = jws_sign(current)
    Certificate.objects.filter(pk=certificate.pk).update(credential=certificate.credential)
    return certificate.credential


def status_bitstring(number: int = 1) -> bytes:
    """Status list ``number``'s bits: those of its revoked certificates set."""
    first = (number - 1) * STATUS_LIST_BITS
    bits = bytearray(STATUS_LIST_BITS // 8)
    revoked = Certificate.objects.filter(
        revoked_at__isnull=False, status_index__gte=first, status_index__lt=first + STATUS_LIST_BITS
    ).values_list("status_index", flat=True)
    for index in revoked:
        index -= first
        bits[index // 8] |= 0x80 >> (index % 8)  # first bit is the left-most
    return bytes(bits)


def status_list_credential(number: int = 1) -> dict:
    url = status_list_url(number)
    return {
        "@context": [VC_CONTEXT],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": site_url(reverse("badge_issuer")),
        "validFrom": _iso(timezone.now()),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": "u" + b64url(gzip.compress(status_bitstring(number), mtime=0)),
        },
    }


def status_lists_in_use() -> int:
    """How many status lists the certificates issued so far need (at least one)."""
    last = Certificate.objects.aggregate(last=Max("status_index"))["last"]
    return 1 if last is None else status_list_number(last)


def is_revoked(encoded_list: str, index: int) -> bool:
    bits = gzip.decompress(b64url_decode(encoded_list.removeprefix("u")))
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def _our_status_list(url) -> int | None:
    """The number of one of our status lists, from its URL; None for anyone else's."""
    prefix = status_list_url(1).removesuffix("1")
    number = url.removeprefix(prefix) if isinstance(url, str) and url.startswith(prefix) else ""
    return int(number) if number.isdigit() and int(number) >= 1 else None


def credential_verify(token: str) -> dict:
    """Check signature, validity dates and revocation; return a report for the verify page."""
    payload = jws_verify(token)
    if "OpenBadgeCredential" not in payload.get("type", []):
        raise CredentialError("not an OpenBadgeCredential")
    now = timezone.now()
    valid_from = payload.get("validFrom")
    valid_until = payload.get("validUntil")
    status = payload.get("credentialStatus") or {}
    revoked = False
    number = _our_status_list(status.get("statusListCredential"))
    if number is not None:
        subject = status_list_credential(number)["credentialSubject"]
        try:
            index = int(status.get("statusListIndex", ""))
        except ValueError:
            index = -1
        revoked = 0 <= index < STATUS_LIST_BITS and is_revoked(subject["encodedList"], index)
    expired = bool(valid_until) and datetime.fromisoformat(valid_until.replace("Z", "+00:00")) < now
    not_yet = bool(valid_from) and datetime.fromisoformat(valid_from.replace("Z", "+00:00")) > now
    return {
        "payload": payload,
        "revoked": revoked,
        "expired": expired,
        "not_yet_valid": not_yet,
        "valid": not (revoked or expired or not_yet),
    }
