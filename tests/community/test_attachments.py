"""Attachments: checked on the way in, served only to those who may read the post."""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

import pytest

from community import services
from community.attachments import private_storage
from community.models import Attachment, Post

from .conftest import url

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_a_member_attaches_a_guide_and_members_download_it(client, cast):
    client.force_login(cast["member"])
    client.post(
        url(cast["platform"], "topic", cast["topic"].pk),
        {"body": "الدليل مرفق", "attachments": [upload("دليل المشاريع.pdf", PDF)]},
    )
    item = Attachment.objects.latest("pk")
    assert item.name == "دليل المشاريع.pdf" and item.size == len(PDF)
    assert private_storage.exists(item.file)
    page = client.get(url(cast["platform"], "topic", cast["topic"].pk)).content.decode()
    assert "دليل المشاريع.pdf" in page
    client.force_login(cast["author"])
    response = client.get(url(cast["platform"], "attachment", item.pk))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


def test_a_cached_posts_attachments_are_listed_without_reading_them_again(client, cast):
    """A post's HTML kept in the cache holds its attachments' links (community/fragments.py):
    a second view lists them without a query for them, and once the post is deleted its
    files are listed for moderators only."""
    guide = upload("دليل.pdf", PDF)
    post = services.post_reply(
        topic=cast["topic"], author=cast["member"], body="الدليل مرفق", files=[guide]
    )
    address = url(cast["platform"], "topic", cast["topic"].pk)
    client.force_login(cast["author"])
    assert "دليل.pdf" in client.get(address).content.decode()
    client.get(address)  # read now: the reply is no longer new to this reader
    with CaptureQueriesContext(connection) as queries:
        page = client.get(address).content.decode()
    assert "دليل.pdf" in page
    assert not [q["sql"] for q in queries if Attachment._meta.db_table in q["sql"]]
    services.post_delete(post=post, by=cast["member"])
    assert "دليل.pdf" not in client.get(address).content.decode()
    client.force_login(cast["moderator"])
    assert "دليل.pdf" in client.get(address).content.decode()


@pytest.mark.parametrize("role", ["anonymous", "non_member", "pending", "other_coordinator"])
def test_outsiders_cannot_download_a_members_only_attachment(client, cast, role):
    post = services.post_reply(
        topic=cast["topic"], author=cast["member"], body="مرفق", files=[upload("a.png", PNG)]
    )
    item = post.attachments.get()
    if cast[role] is not None:
        client.force_login(cast[role])
    assert client.get(url(cast["platform"], "attachment", item.pk)).status_code == 404


def test_a_hidden_posts_attachment_is_for_moderators_only(client, cast):
    post = services.post_reply(
        topic=cast["topic"], author=cast["member"], body="مرفق", files=[upload("a.png", PNG)]
    )
    services.post_set_hidden(post=post, by=cast["moderator"], hidden=True)
    item = post.attachments.get()
    client.force_login(cast["author"])
    assert client.get(url(cast["platform"], "attachment", item.pk)).status_code == 404
    client.force_login(cast["moderator"])
    assert client.get(url(cast["platform"], "attachment", item.pk)).status_code == 200


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("tool.exe", b"MZ\x90\x00", "cannot be attached"),
        ("script.html", b"<script>alert(1)</script>", "cannot be attached"),
        ("image.svg", b"<svg onload=alert(1)>", "cannot be attached"),
        ("fake.pdf", b"MZ\x90\x00 not a pdf", "does not contain what its name says"),
        ("fake.png", b"GIF89a", "does not contain what its name says"),
        ("fake.docx", b"%PDF-1.4", "does not contain what its name says"),
        ("notes.txt", b"\xff\xfe\x00binary\x00", "not a UTF-8 text file"),
    ],
)
def test_wrong_types_are_refused_and_nothing_is_written(cast, name, content, message):
    before, files = Post.objects.count(), Attachment.objects.count()
    with pytest.raises(ValidationError) as error, translation.override("en"):
        services.post_reply(
            topic=cast["topic"], author=cast["member"], body="رد", files=[upload(name, content)]
        )
    assert message in error.value.messages[0]
    assert name in error.value.messages[0]
    assert Post.objects.count() == before
    assert Attachment.objects.count() == files


def test_size_and_count_limits(cast, settings):
    files = Attachment.objects.count()
    settings.FORUM_ATTACHMENT_MAX_BYTES = 1024
    with pytest.raises(ValidationError) as error:
        services.post_reply(
            topic=cast["topic"],
            author=cast["member"],
            body="رد",
            files=[upload("big.pdf", PDF + b"0" * 2048)],
        )
    assert "big.pdf" in error.value.messages[0]
    with pytest.raises(ValidationError):
        services.post_reply(
            topic=cast["topic"],
            author=cast["member"],
            body="رد",
            files=[upload(f"{n}.pdf", PDF) for n in range(6)],
        )
    assert Attachment.objects.count() == files


def test_a_refused_reply_keeps_the_text_in_the_form(client, cast):
    client.force_login(cast["member"])
    response = client.post(
        url(cast["platform"], "topic", cast["topic"].pk),
        {"body": "نصي الطويل المهم", "attachments": [upload("x.exe", b"MZ")]},
    )
    assert response.status_code == 200
    assert "نصي الطويل المهم" in response.content.decode()
