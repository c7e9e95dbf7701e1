"""Blocks of a lesson's body.

Extension point for interactive content: a block that records the learner's
result itself (an H5P activity, a server-graded quiz) subclasses
:class:`ActivityBlock`. A lesson containing one is completed by that activity
through ``courses.services.lesson_progress_record`` rather than by the
learner's "mark as done" button, and its score counts towards the course's
minimum score. Add such blocks to :class:`LessonStreamBlock`.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from cms.blocks import (
    AccordionBlock,
    DocumentBlock,
    HeadingBlock,
    ImageBlock,
    ParagraphBlock,
    QuoteBlock,
    VideoEmbedBlock,
)


class ActivityBlock(blocks.StructBlock):
    """Base class of blocks that complete a lesson and report a score themselves."""

    is_activity = True


class UUIDSnippetChooserBlock(SnippetChooserBlock):
    """Wagtail's chooser looks stored ids up as strings; UUID keys need converting first."""

    def bulk_to_python(self, values):
        to_key = self.model_class._meta.pk.to_python
        keys = [to_key(value) if value is not None else None for value in values]
        return super().bulk_to_python(keys)

    def get_form_state(self, value):
        # The admin sends this state to the browser as JSON, which has no UUID type.
        state = super().get_form_state(value)
        if isinstance(state, dict) and state.get("id") is not None:
            state = {**state, "id": str(state["id"])}
        return state


class H5PActivityBlock(ActivityBlock):
    content = UUIDSnippetChooserBlock("courses.H5PContent", label=_("H5P activity"))

    class Meta:
        icon = "code"
        template = "courses/blocks/h5p_block.html"
        label = _("H5P activity")
        description = _("An interactive H5P exercise; finishing it completes the lesson")
        preview_value = {}

    def activity_result(self, value, *, enrollment, lesson, block_id=None):
        from django.db.models import Count, Max

        from courses.models import XAPIStatement

        best = XAPIStatement.objects.filter(
            user=enrollment.user, content=value["content"], completes=True
        ).aggregate(done=Count("pk"), score=Max("score"))
        return best["done"] > 0, best["score"]


class QuizBlock(ActivityBlock):
    bank = SnippetChooserBlock("courses.QuestionBank", label=_("Question bank"))
    title = blocks.CharBlock(label=_("Title"), required=False)
    questions = blocks.IntegerBlock(
        label=_("Questions to draw"), default=0, min_value=0, help_text=_("0 means all of them.")
    )
    shuffle = blocks.BooleanBlock(label=_("Shuffle questions and answers"), required=False)
    pass_mark = blocks.IntegerBlock(
        label=_("Pass mark (%)"), default=60, min_value=0, max_value=100
    )
    attempts = blocks.IntegerBlock(
        label=_("Attempts allowed"), default=0, min_value=0, help_text=_("0 means no limit.")
    )
    time_limit = blocks.IntegerBlock(
        label=_("Time limit (minutes)"), default=0, min_value=0, help_text=_("0 means none.")
    )
    review = blocks.ChoiceBlock(
        label=_("Show correct answers"),
        choices=[
            ("after_each", _("After each attempt")),
            ("after_last", _("After the last attempt, or once passed")),
            ("never", _("Never: the score only")),
        ],
        default="after_each",
    )

    class Meta:
        icon = "form"
        template = "courses/blocks/quiz_block.html"
        label = _("Quiz")
        description = _("Questions graded on the server; passing completes the lesson")
        preview_value = {"title": "اختبار قصير", "questions": 0, "pass_mark": 60}

    def activity_result(self, value, *, enrollment, lesson, block_id=None):
        from django.db.models import Max

        from courses.models import Attempt

        attempts = Attempt.objects.filter(
            user=enrollment.user,
            lesson__translation_key=lesson.translation_key,
            block_id=block_id,
        ).exclude(submitted_at=None)
        best = attempts.aggregate(score=Max("score"))["score"]
        return attempts.filter(passed=True).exists(), best


class UploadedVideoBlock(blocks.StructBlock):
    video = DocumentChooserBlock(
        label=_("Video file"), help_text=_("An MP4 or WebM file uploaded as a document.")
    )
    poster = ImageChooserBlock(label=_("Poster image"), required=False)
    caption = blocks.CharBlock(label=_("Caption"), required=False)

    class Meta:
        icon = "media"
        template = "courses/blocks/uploaded_video_block.html"
        label = _("Uploaded video")
        description = _("A video file played on the site, without an external service")
        preview_value = {"caption": "مقدمة الدورة"}


class ReflectionBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(label=_("Question"))
    guidance = blocks.TextBlock(label=_("Guidance for the learner"), required=False)

    class Meta:
        icon = "edit"
        template = "courses/blocks/reflection_block.html"
        label = _("Reflection")
        description = _("A question the learner answers in a few lines; trainers read the answers")
        preview_value = {
            "prompt": "كيف تُشرك بلديتك المواطنين في إعداد خطتها؟",
            "guidance": "اكتب فقرة قصيرة من واقع تجربتك.",
        }


class LessonStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    video = VideoEmbedBlock()
    uploaded_video = UploadedVideoBlock()
    document = DocumentBlock()
    accordion = AccordionBlock()
    reflection = ReflectionBlock()
    h5p = H5PActivityBlock()
    quiz = QuizBlock()


def has_activity(stream) -> bool:
    """True when a lesson body holds a block that completes the lesson by itself."""
    return any(getattr(child.block, "is_activity", False) for child in stream)
