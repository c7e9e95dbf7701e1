"""A platform's resources: guides, position papers and reports, with version and authors.

Coordinators publish them (or start a draft from a forum thread); readers of
the platform see the published ones and download their files, which live in
private storage like forum attachments.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from . import attachments
from .models import Post, Resource, Topic
from .permissions import access_for
from .views import _readable, _render, _url


class ResourceForm(forms.ModelForm):
    upload = forms.FileField(label=gettext_lazy("File"), required=False)

    class Meta:
        model = Resource
        fields = ["title", "kind", "version", "authors", "description", "published"]
        widgets = {"description": forms.Textarea(attrs={"rows": 6, "dir": "auto"})}

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload:
            attachments.validate([upload])
        return upload


@transaction.atomic
def resource_save(*, form: ResourceForm, platform, by) -> Resource:
    if not access_for(by, platform).can_coordinate:
        raise PermissionDenied(_("Only the platform's coordinators manage resources."))
    resource = form.save(commit=False)
    resource.platform = platform
    resource.created_by = resource.created_by or by
    resource.updated_at = timezone.now()
    upload = form.cleaned_data.get("upload")
    old = resource.file if upload else ""
    if upload:
        resource.file = attachments.store(upload)
        resource.file_name = upload.name.rsplit("/", 1)[-1][:200]
        resource.file_size = upload.size
    resource.save()
    if old:  # a new version replaces the file once the row is saved
        transaction.on_commit(lambda: attachments.private_storage.delete(old))
    return resource


@transaction.atomic
def resource_from_topic(*, topic: Topic, by) -> Resource:
    """A draft resource that starts from a thread: its title, text and participants."""
    if not access_for(by, topic.platform).can_coordinate:
        raise PermissionDenied(_("Only the platform's coordinators manage resources."))
    posts = list(
        Post.objects.shown()
        .filter(topic=topic, deleted_at__isnull=True)
        .select_related("author")
        .order_by("created_at", "pk")
    )
    authors = list(dict.fromkeys(post.author.display_name for post in posts))
    description = "\n\n".join(f"{post.author.display_name}:\n{post.source}" for post in posts)
    return Resource.objects.create(
        platform=topic.platform,
        title=topic.title[:200],
        kind="other",
        description=description,
        authors="، ".join(authors)[:300],
        source_topic=topic,
        created_by=by,
        published=False,
    )


def resource_list(request, page):
    access = _readable(request, page)
    resources = page.forum.resources.select_related("source_topic")
    if not access.can_coordinate:
        resources = resources.filter(published=True)
    return _render(request, page, "resources.html", {"access": access, "resources": resources})


def resource_edit(request, page, resource_id=None):
    forum = page.forum
    access = access_for(request.user, forum)
    if not access.can_coordinate:
        raise Http404
    resource = get_object_or_404(Resource, pk=resource_id, platform=forum) if resource_id else None
    form = ResourceForm(request.POST or None, request.FILES or None, instance=resource)
    if request.method == "POST" and form.is_valid():
        try:
            resource_save(form=form, platform=forum, by=request.user)
        except ValidationError as error:
            form.add_error("upload", error)
        else:
            messages.success(request, _("The resource is saved."))
            return redirect(_url(page, "resource_list"))
    return _render(
        request, page, "resource_form.html", {"access": access, "form": form, "resource": resource}
    )


def resource_file(request, page, resource_id):
    access = _readable(request, page)
    resource = get_object_or_404(Resource, pk=resource_id, platform=page.forum)
    if not resource.file or not (resource.published or access.can_coordinate):
        raise Http404
    kind = attachments.TYPES.get(attachments.extension(resource.file_name), ("", False, None))
    response = FileResponse(
        attachments.private_storage.open(resource.file, "rb"),
        as_attachment=True,
        filename=resource.file_name,
        content_type=kind[0] or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@require_POST
def topic_to_resource(request, page, topic_id):
    topic = get_object_or_404(Topic, pk=topic_id, platform=page.forum)
    if not access_for(request.user, page.forum).can_coordinate:
        raise Http404
    resource = resource_from_topic(topic=topic, by=request.user)
    messages.success(request, _("A draft resource was made from the thread: complete it here."))
    return redirect(_url(page, "edit_resource", resource.pk))
