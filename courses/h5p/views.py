"""Serve H5P files, take xAPI statements and keep resume state — all behind access checks."""

import json
import mimetypes
from http import HTTPStatus
from pathlib import PurePosixPath

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.db import IntegrityError
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from courses import selectors
from courses.models import H5PContent, H5PUserData, LessonPage

from . import services
from .access import CACHE_SECONDS, lesson_access_key, lesson_uses, may_view

MAX_STATEMENT_BYTES = 64 * 1024
MAX_STATE_BYTES = 256 * 1024
# Files are loaded into the player's frame; as documents they may do nothing.
FILE_CSP = (
    "default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'; sandbox"
)
TYPES = {
    ".js": "text/javascript",
    ".css": "text/css",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
    ".vtt": "text/vtt",
}


def _content(content_id) -> H5PContent:
    return get_object_or_404(H5PContent, pk=content_id)


@require_GET
def content_file(request, content_id, path):
    content = _content(content_id)
    if not may_view(request.user, content):
        raise PermissionDenied if request.user.is_authenticated else Http404
    name = f"{content.prefix}{path}"
    if ".." in PurePosixPath(path).parts or name not in set(content.files):
        raise Http404
    suffix = PurePosixPath(path).suffix.lower()
    content_type = TYPES.get(suffix) or mimetypes.guess_type(path)[0] or "application/octet-stream"
    response = FileResponse(default_storage.open(name, "rb"), content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_CSP
    response["Cache-Control"] = "private, max-age=3600"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    if suffix == ".svg":
        # Opened on its own, an SVG must not run script on our origin.
        response["Content-Disposition"] = "inline; filename=image.svg"
    return response


def _lesson_for(request, content):
    try:
        lesson = LessonPage.objects.live().get(pk=int(request.GET.get("lesson", "")))
    except (ValueError, LessonPage.DoesNotExist) as exc:
        raise Http404 from exc
    if not lesson_uses(lesson, content):
        raise Http404
    course = lesson.course
    enrollment = selectors.learner_enrollment(user=request.user, course=course)
    if enrollment is None and not selectors.is_course_staff(user=request.user, course=course):
        raise PermissionDenied
    return lesson, enrollment


@login_required
@require_POST
def xapi(request, content_id):
    """Take one statement from the player.

    A player sends many statements while a learner works (every answer, every slide);
    only a completing one can change progress. Once the learner's access to this
    activity in this lesson has been checked, it is remembered for a few minutes
    (``access.CACHE_SECONDS``, as ``may_view`` does for the activity's files), and a statement that
    completes nothing is then stored with a single INSERT. A completing statement
    always goes through the full check and the progress update.
    """
    if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_STATEMENT_BYTES:
        return JsonResponse(
            {"error": "statement too large"}, status=HTTPStatus.REQUEST_ENTITY_TOO_LARGE
        )
    if request.content_type != "application/json":
        return JsonResponse(
            {"error": "send application/json"}, status=HTTPStatus.UNSUPPORTED_MEDIA_TYPE
        )
    key = lesson_access_key(request.user, content_id, request.GET.get("lesson", ""))
    content = lesson = enrollment = None
    if not cache.get(key):
        content = _content(content_id)
        lesson, enrollment = _lesson_for(request, content)
        cache.set(key, True, CACHE_SECONDS)
    try:
        statement = json.loads(request.body)
        fields = services.statement_parse(statement)
        if not fields["completes"]:
            try:
                record = services.statement_log(
                    user=request.user,
                    content_id=content_id,
                    lesson_id=int(request.GET["lesson"]),
                    statement=statement,
                    fields=fields,
                )
            except IntegrityError as gone:  # the activity or the lesson was deleted since
                cache.delete(key)
                raise Http404 from gone
        else:
            if content is None:
                content = _content(content_id)
                lesson, enrollment = _lesson_for(request, content)
            if enrollment is not None and enrollment.status != "active":
                enrollment = None  # completed learners may replay; nothing changes
            record = services.statement_record(
                user=request.user,
                content=content,
                lesson=lesson,
                statement=statement,
                enrollment=enrollment,
            )
    except (ValueError, services.StatementError) as exc:
        return JsonResponse({"error": str(exc)}, status=HTTPStatus.BAD_REQUEST)
    return JsonResponse(
        {"id": str(record.pk), "completes": record.completes}, status=HTTPStatus.CREATED
    )


@login_required
@require_http_methods(["GET", "POST"])
def user_data(request, content_id):
    content = _content(content_id)
    _lesson_for(request, content)
    data_type = request.GET.get("type", "state")[:64]
    sub_content_id = request.GET.get("sub", "0")[:64]
    if request.method == "GET":
        row = H5PUserData.objects.filter(
            user=request.user, content=content, data_type=data_type, sub_content_id=sub_content_id
        ).first()
        return JsonResponse({"data": row.data if row else None})
    if len(request.body) > MAX_STATE_BYTES:
        return JsonResponse(
            {"error": "state too large"}, status=HTTPStatus.REQUEST_ENTITY_TOO_LARGE
        )
    try:
        payload = json.loads(request.body)
        data = payload["data"]
        if data is not None and not isinstance(data, str):
            raise ValueError
    except (ValueError, KeyError, TypeError):
        return JsonResponse({"error": 'expected {"data": string}'}, status=HTTPStatus.BAD_REQUEST)
    services.user_data_save(
        user=request.user,
        content=content,
        data_type=data_type,
        sub_content_id=sub_content_id,
        data=data or "",
    )
    return HttpResponse(status=HTTPStatus.NO_CONTENT)
