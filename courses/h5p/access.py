"""May this user load this H5P activity? Only through a lesson they may open."""

from django.core.cache import cache

from wagtail.models import ReferenceIndex

from courses import selectors
from courses.models import H5PContent, LessonPage

CACHE_SECONDS = 300


def lessons_using(content: H5PContent) -> list[LessonPage]:
    """Live lessons whose body holds this activity (from Wagtail's reference index)."""
    references = ReferenceIndex.get_references_to(content)
    page_ids = [
        int(ref.object_id)
        for ref in references
        if ref.content_type.model_class() is not None
        and issubclass(ref.content_type.model_class(), LessonPage)
    ]
    return list(LessonPage.objects.live().filter(pk__in=page_ids))


def lesson_uses(lesson: LessonPage, content: H5PContent) -> bool:
    # The blocks' stored values: reading ``lesson.body`` would load every activity it uses.
    wanted = str(content.pk)
    return any(
        block.get("type") == "h5p" and str((block.get("value") or {}).get("content")) == wanted
        for block in lesson.body.raw_data
    )


def lesson_access_key(user, content_id, lesson: str) -> str:
    """Cache key for "this user may send statements for this activity in this lesson"."""
    return f"xapi-access:{user.pk}:{content_id}:{lesson[:20]}"


def may_view(user, content: H5PContent) -> bool:
    """Staff, or the team or an enrolled learner of a course with a lesson using it."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or user.is_staff:
        return True
    key = f"h5p-access:{user.pk}:{content.pk}"
    allowed = cache.get(key)
    if allowed is None:
        allowed = False
        for lesson in lessons_using(content):
            course = lesson.course
            if selectors.is_course_staff(user=user, course=course) or selectors.learner_enrollment(
                user=user, course=course
            ):
                allowed = True
                break
        cache.set(key, allowed, CACHE_SECONDS)
    return allowed
