"""Platform resources and the platform's workshops."""

from django.core.files.uploadedfile import SimpleUploadedFile

from community.models import Resource, Role
from community.resources import resource_from_topic

from .conftest import add_member, url

PDF = b"%PDF-1.4\n%%EOF\n"


def test_coordinator_publishes_a_guide_members_download_it(client, cast):
    platform = cast["platform"]
    add_member(platform, cast["moderator"], role=Role.COORDINATOR)
    client.force_login(cast["moderator"])
    client.post(
        url(platform, "new_resource"),
        {
            "title": "دليل إدارة المشاريع المهنية",
            "kind": "guide",
            "version": "1.0",
            "authors": "فريق منصة الهندسة",
            "description": "الدليل المعتمد",
            "published": "on",
            "upload": SimpleUploadedFile("guide.pdf", PDF),
        },
    )
    resource = Resource.objects.get(platform=platform)
    assert resource.file_name == "guide.pdf" and resource.published
    client.force_login(cast["member"])
    listing = client.get(url(platform, "resource_list")).content.decode()
    assert "دليل إدارة المشاريع المهنية" in listing
    response = client.get(url(platform, "resource_file", resource.pk))
    assert b"".join(response.streaming_content) == PDF
    client.force_login(cast["non_member"])
    assert client.get(url(platform, "resource_list")).status_code == 404
    assert client.get(url(platform, "resource_file", resource.pk)).status_code == 404


def test_members_cannot_add_resources_or_see_drafts(client, cast):
    platform = cast["platform"]
    Resource.objects.create(platform=platform, title="مسودة ورقة موقف", kind="position")
    client.force_login(cast["member"])
    assert client.get(url(platform, "new_resource")).status_code == 404
    assert "مسودة ورقة موقف" not in client.get(url(platform, "resource_list")).content.decode()


def test_a_bad_file_is_refused_with_the_form_kept(client, cast):
    platform = cast["platform"]
    add_member(platform, cast["moderator"], role=Role.COORDINATOR)
    client.force_login(cast["moderator"])
    response = client.post(
        url(platform, "new_resource"),
        {"title": "عنوان محفوظ", "kind": "guide", "upload": SimpleUploadedFile("x.exe", b"MZ")},
    )
    assert response.status_code == 200
    assert "عنوان محفوظ" in response.content.decode()
    assert not Resource.objects.filter(platform=platform).exists()


def test_a_thread_becomes_a_draft_resource(client, cast):
    platform, topic = cast["platform"], cast["topic"]
    add_member(platform, cast["moderator"], role=Role.COORDINATOR)
    client.force_login(cast["moderator"])
    response = client.post(url(platform, "topic_action", topic.pk, "to-resource"))
    resource = Resource.objects.get(platform=platform)
    assert response.url == url(platform, "edit_resource", resource.pk)
    assert resource.title == topic.title and not resource.published
    assert resource.source_topic == topic
    assert cast["author"].display_name in resource.authors
    assert cast["member"].display_name in resource.authors
    assert "ملاحظاتي مرفقة." in resource.description


def test_only_coordinators_turn_threads_into_resources(cast):
    from django.core.exceptions import PermissionDenied

    import pytest

    with pytest.raises(PermissionDenied):
        resource_from_topic(topic=cast["topic"], by=cast["moderator"])  # a moderator only


def test_the_platform_lists_its_workshops(client, cast, demo_site):
    from cms.events.models import EventPage

    event = EventPage.objects.live().filter(locale__language_code="ar").first()
    platform = cast["platform"]
    platform.events.add(event)
    platform.save_revision().publish()
    assert event.title in client.get(url(platform)).content.decode()
