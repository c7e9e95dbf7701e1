"""Open Badges 3.0: signed credentials verify, and fail when altered or revoked."""

import gzip
import hashlib
import json
from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

import pytest

from courses.certificates import badges
from courses.certificates.services import certificate_issue, certificate_revoke

from .conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def signing_key_file(tmp_path, monkeypatch):
    path = tmp_path / "keys" / "badge.pem"
    monkeypatch.setenv("OPEN_BADGES_KEY_FILE", str(path))
    monkeypatch.delenv("OPEN_BADGES_PRIVATE_KEY", raising=False)
    call_command("badge_keys", "generate", stdout=StringIO())
    return path


@pytest.fixture
def certificate(run):
    user = make_user("badge@example.ly", name_ar="سارة المبروك")
    return certificate_issue(user=user, run=run)


def test_key_lives_in_a_private_file_not_the_database(signing_key_file):
    assert signing_key_file.stat().st_mode & 0o777 == 0o600
    from courses.models import BadgeKey

    (key,) = BadgeKey.objects.filter(retired_at__isnull=True)
    assert "PRIVATE" not in key.public_key and len(key.public_key) == 43


def test_credential_is_an_open_badge_and_verifies(certificate):
    token = badges.credential_jwt(certificate)
    header = json.loads(badges.b64url_decode(token.split(".")[0]))
    assert header["alg"] == "EdDSA"
    result = badges.credential_verify(token)
    assert result["valid"]
    payload = result["payload"]
    assert payload["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert payload["@context"][0] == "https://www.w3.org/ns/credentials/v2"
    assert payload["credentialSubject"]["name"] == "سارة المبروك"
    # Whom it was awarded to, checkable by whoever knows the address and by nobody else.
    [identity] = payload["credentialSubject"]["identifier"]
    assert identity["type"] == "IdentityObject" and identity["hashed"] is True
    assert "badge@example.ly" not in json.dumps(payload)
    salted = ("badge@example.ly" + identity["salt"]).encode()
    assert identity["identityHash"] == "sha256$" + hashlib.sha256(salted).hexdigest()
    assert payload["credentialSubject"]["achievement"]["name"] == certificate.course_title
    assert payload["credentialStatus"]["type"] == "BitstringStatusListEntry"


def test_one_changed_byte_breaks_the_signature(certificate):
    header, payload, signature = badges.credential_jwt(certificate).split(".")
    data = bytearray(badges.b64url_decode(payload))
    position = data.index("سارة".encode())
    data[position + 1] ^= 0x01  # one byte of the subject's name
    forged = ".".join([header, badges.b64url(bytes(data)), signature])
    with pytest.raises(badges.CredentialError):
        badges.credential_verify(forged)


def test_revocation_shows_in_the_status_list_and_the_check(client, certificate):
    token = badges.credential_jwt(certificate)
    certificate_revoke(certificate=certificate, by=certificate.user, reason="خطأ")
    result = badges.credential_verify(token)
    assert result["revoked"] and not result["valid"]
    published = client.get("/badges/status/1").content.decode()
    status = badges.jws_verify(published)
    bits = gzip.decompress(badges.b64url_decode(status["credentialSubject"]["encodedList"][1:]))
    assert len(bits) * 8 == badges.STATUS_LIST_BITS
    assert badges.is_revoked(status["credentialSubject"]["encodedList"], certificate.status_index)


def test_rotation_keeps_old_credentials_verifiable(certificate):
    token = badges.credential_jwt(certificate)
    published = len(badges.jwks()["keys"])
    call_command("badge_keys", "rotate", stdout=StringIO())
    assert badges.credential_verify(token)["valid"]
    assert len(badges.jwks()["keys"]) == published + 1


def test_verify_page_checks_pasted_and_uploaded_credentials(client, certificate):
    from django.core.files.uploadedfile import SimpleUploadedFile

    token = badges.credential_jwt(certificate)
    html = client.post("/verify/credential/", {"credential": token}).content.decode()
    assert "notice--valid" in html
    assert "سارة المبروك" in html
    upload = SimpleUploadedFile("badge.jwt", token.encode())
    assert "notice--valid" in client.post("/verify/credential/", {"file": upload}).content.decode()
    html = client.post("/verify/credential/", {"credential": token[:-3] + "AAA"}).content.decode()
    assert "notice--revoked" in html  # the "not ours or altered" message


def test_issuer_profile_and_download(client, certificate):
    profile = client.get("/badges/issuer").json()
    assert profile["type"] == ["Profile"]
    assert client.get("/badges/jwks.json").json()["keys"][0]["crv"] == "Ed25519"
    client.force_login(certificate.user)
    response = client.get(f"/en/my/certificates/{certificate.code}.jwt")
    assert response["Content-Type"] == "application/vc+jwt"
    assert badges.credential_verify(response.content.decode())["valid"]


def test_the_credential_is_signed_with_the_certificate_and_signed_again_when_it_changes(
    certificate,
):
    issued = certificate.credential
    assert badges.credential_verify(issued)["valid"]
    certificate.refresh_from_db()
    assert certificate.credential == issued  # stored with the certificate
    assert badges.credential_jwt(certificate) == issued
    assert "validUntil" not in badges.jws_verify(issued)
    certificate.expires_on = timezone.localdate() + timedelta(days=365)
    certificate.save()
    renewed = badges.credential_jwt(certificate)
    assert renewed != issued
    assert badges.jws_verify(renewed)["validUntil"].startswith(str(certificate.expires_on))
    certificate.refresh_from_db()
    assert certificate.credential == renewed


def test_an_expired_credential_fails_the_check(client, certificate):
    certificate.expires_on = timezone.localdate() - timedelta(days=1)
    certificate.save()
    token = badges.credential_jwt(certificate)
    result = badges.credential_verify(token)
    assert result["expired"] and not result["valid"] and not result["revoked"]
    html = client.post("/verify/credential/", {"credential": token}).content.decode()
    assert "notice--expired" in html


def test_without_a_signing_key_the_certificate_is_issued_and_its_credential_signed_later(
    client, run, tmp_path, monkeypatch, signing_key_file
):
    monkeypatch.setenv("OPEN_BADGES_KEY_FILE", str(tmp_path / "missing.pem"))
    certificate = certificate_issue(user=make_user("nokey@example.ly"), run=run)
    assert certificate.pdf and certificate.credential == ""
    monkeypatch.setenv("OPEN_BADGES_KEY_FILE", str(signing_key_file))
    client.force_login(certificate.user)
    token = client.get(f"/en/my/certificates/{certificate.code}.jwt").content.decode()
    assert badges.credential_verify(token)["valid"]
    certificate.refresh_from_db()
    assert certificate.credential == token


def test_certificates_beyond_the_first_list_are_revoked_in_the_next_one(client, certificate):
    from courses.models import Certificate

    later = certificate_issue(user=make_user("list-two@example.ly"), run=certificate.run)
    Certificate.objects.filter(pk=later.pk).update(status_index=badges.STATUS_LIST_BITS + 5)
    later.refresh_from_db()
    status = badges.jws_verify(badges.credential_jwt(later))["credentialStatus"]
    assert status["statusListCredential"].endswith("/badges/status/2")
    assert status["statusListIndex"] == "5"
    certificate_revoke(certificate=later, by=later.user, reason="خطأ")
    assert badges.credential_verify(later.credential)["revoked"]
    second = badges.jws_verify(client.get("/badges/status/2").content.decode())
    assert badges.is_revoked(second["credentialSubject"]["encodedList"], 5)
    first = badges.jws_verify(client.get("/badges/status/1").content.decode())
    assert not badges.is_revoked(first["credentialSubject"]["encodedList"], 5)
    assert badges.credential_verify(certificate.credential)["valid"]
    assert client.get("/badges/status/3").status_code == 404
