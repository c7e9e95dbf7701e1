"""Open Badges 3.0: signed credentials verify, and fail when altered or revoked."""

import gzip
import json
from io import StringIO

from django.core.management import call_command

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
    call_command("badge_keys", "rotate", stdout=StringIO())
    assert badges.credential_verify(token)["valid"]
    assert len(badges.jwks()["keys"]) == 2


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
