"""The one block library every StreamField on the site draws from."""

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks import StreamValue
from wagtail.blocks.list_block import ListValue
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import RichText


class HeadingBlock(blocks.StructBlock):
    heading_text = blocks.CharBlock(label=_("Heading"), form_classname="title")
    size = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Heading")
        description = _("A section heading at level two, three or four")
        preview_value = {"heading_text": "التخطيط الاستراتيجي المحلي", "size": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault(
            "features", ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]
        )
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"
        label = _("Paragraph")
        description = _("Rich text: paragraphs, lists and links")
        preview_value = (
            "<p>تعمل البلديات الشريكة على إعداد خطط تنمية محلية بمشاركة المواطنين "
            "ومنظمات المجتمع المدني.</p>"
        )


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False)
    attribution = blocks.CharBlock(label=_("Credit"), required=False)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        label = _("Image")
        description = _("An image with an optional caption and credit")
        preview_value = {"caption": "ورشة عمل حول خطط التنمية المحلية", "attribution": ""}


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    attribute_name = blocks.CharBlock(label=_("Who said it"), required=False)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Quote")
        description = _("A quotation with the name of the person quoted")
        preview_value = {
            "text": "اللامركزية مسار طويل يبدأ بتمكين البلديات من تقديم خدمات أفضل للمواطن.",
            "attribute_name": "رئيس بلدية",
        }


class VideoEmbedBlock(EmbedBlock):
    class Meta:
        icon = "media"
        template = "blocks/embed_block.html"
        label = _("Embedded media")
        description = _("A video or other media from a URL (YouTube, Vimeo…)")
        preview_value = None


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"), required=False, help_text=_("Defaults to the document's title")
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/document_block.html"
        label = _("Document")
        description = _("A link to download a document, with its type and size")
        preview_value = {"title": "دليل إدارة المشاريع المهنية"}


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    text = blocks.TextBlock(label=_("Text"), required=False)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or an external URL"), required=False)
    button_label = blocks.CharBlock(label=_("Button label"))

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"
        label = _("Call to action")
        description = _("A highlighted invitation with one button")
        preview_value = {
            "title": "سجّل في دورة التخطيط الاستراتيجي المحلي",
            "text": "دورة مجانية لموظفي البلديات، بوتيرتك الخاصة.",
            "url": "https://example.org/",
            "button_label": "سجّل الآن",
        }

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or give a URL."))}
            )
        return value


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("Figure"), max_length=20)
    label = blocks.CharBlock(label=_("What it counts"))

    class Meta:
        icon = "order"
        label = _("Key figure")


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Figures"), min_num=1, max_num=6)

    class Meta:
        icon = "table"
        template = "blocks/key_figures_block.html"
        label = _("Key figures")
        description = _("Up to six large numbers with what they count")
        preview_value = {
            "heading": "برنامج إيصال بالأرقام",
            "figures": [
                {"value": "7", "label": "بلديات شريكة"},
                {"value": "6", "label": "مواثيق بلدية"},
                {"value": "2019–2022", "label": "مدة البرنامج"},
            ],
        }


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question or title"))
    answer = ParagraphBlock(label=_("Answer or content"))

    class Meta:
        icon = "help"
        label = _("Item")


class AccordionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Items"), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "blocks/accordion_block.html"
        label = _("Accordion / FAQ")
        description = _("Questions and answers that open one at a time")
        preview_value = {
            "heading": "أسئلة شائعة",
            "items": [
                {
                    "question": "من يمكنه التسجيل في الدورات؟",
                    "answer": "<p>موظفو البلديات وأعضاء المجالس البلدية والمدربون.</p>",
                }
            ],
        }


class DataTableBlock(TableBlock):
    class Meta:
        icon = "table"
        template = "blocks/table_block.html"
        label = _("Table")
        description = _("A simple table with an optional header row and caption")
        preview_value = {
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "data": [["البلدية", "المشروع"], ["وادي عتبة", "خطة إدارة النفايات"]],
            "table_caption": "مشاريع تجريبية",
        }


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    embed = VideoEmbedBlock()
    document = DocumentBlock()
    call_to_action = CallToActionBlock()
    key_figures = KeyFiguresBlock()
    accordion = AccordionBlock()
    table = DataTableBlock()


def block_text(value) -> str:
    """Plain text of a StreamField value, for search indexing and summaries."""
    parts: list[str] = []

    def walk(item) -> None:
        if isinstance(item, RichText):
            parts.append(strip_tags(item.source))
        elif isinstance(item, str):
            parts.append(item)
        elif isinstance(item, dict):  # StructValue, or a table's data
            if isinstance(item.get("data"), list):
                for row in item["data"]:
                    parts.extend(cell for cell in row if isinstance(cell, str))
            else:
                for key, child in item.items():
                    if key != "size":
                        walk(child)
        elif isinstance(item, StreamValue):
            for child in item:
                walk(child.value)
        elif isinstance(item, ListValue | list | tuple):
            for child in item:
                walk(child)

    walk(value)
    return " ".join(part.strip() for part in parts if part and part.strip())
