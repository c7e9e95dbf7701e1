"""The certificate PDF: HTML rendered by WeasyPrint with the Amiri font loaded from its file.

Loading the font by file (not by system lookup) keeps a render around 35 ms
and makes the output the same on every machine. Text stays text, so
``pdftotext`` reads the name and the course back in logical order.
"""

import base64
import mimetypes
import struct
import threading
import zlib
from functools import cache

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, translation

import fontpkg_amiri
import qrcode
from weasyprint import HTML
from weasyprint.text import ffi as weasyprint_ffi
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

CENTRE = {
    "ar": "مركز تطوير البلديات ودعم اللامركزية",
    "en": "Municipal Development and Decentralisation Support Centre",
    "fr": "Centre de développement municipal et d'appui à la décentralisation",
}


@cache
def font_configuration() -> FontConfiguration:
    return FontConfiguration()


# Pango and fontconfig, under WeasyPrint, are not safe to drive from two threads of one
# process at once: six certificates rendered side by side in threads of a fresh process
# left one stuck in Pango's line breaking for good (in one of six starts here; none in 30
# with the lock), and so did the test of concurrent issuing on CI. Celery's and gunicorn's
# workers render one at a time anyway; threads (tests, a threaded worker) take turns.
RENDER_LOCK = threading.Lock()


def subset_fonts() -> bool:
    """Whether HarfBuzz can subset fonts (Debian's libharfbuzz-subset0).

    Without it WeasyPrint falls back to fontTools, which parses Amiri's large
    layout tables on every render: about 1.8 s a certificate instead of 35 ms.
    (Embedding the whole font instead is fast, but then ``pdftotext`` no longer
    reads the Arabic back, so the slow path stays and a system check warns.)
    """
    return weasyprint_ffi.harfbuzz_subset is not None


def font_url(style: str = "Regular") -> str:
    return (fontpkg_amiri.ROOT / "files" / f"Amiri-{style}.ttf").as_uri()


# The template's images in the PDF: the file a URL names in media storage (any backend).
MEDIA_SCHEME = "markaz-media:"
# Renditions of the template's images, sized for print at about 150 dpi: a background
# covering the page (JPEG, embedded as it is), the logo and signatures (PNG, for transparency).
IMAGE_SPECS = {
    "background": "max-1800x1800|format-jpeg|jpegquality-85",
    "logo": "max-600x300|format-png",
    "signature": "max-480x180|format-png",
}


class CertificateURLFetcher(URLFetcher):
    """What a certificate may load: the font files of the Amiri wheel, the QR code (a data
    URL) and the template's images from media storage. Nothing from the network."""

    def __init__(self):
        super().__init__(allowed_protocols=("file", "data", MEDIA_SCHEME.rstrip(":")))

    def fetch(self, url, headers=None):
        if url.startswith(MEDIA_SCHEME):
            from django.core.files.storage import default_storage

            name = url.removeprefix(MEDIA_SCHEME)
            with default_storage.open(name) as handle:
                body = handle.read()
            kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, body, {"Content-Type": kind})
        return super().fetch(url, headers)


def template_images(template, *, for_pdf: bool = True) -> dict:
    """URLs of the template's background, logo and signature images (renditions, made once).

    For the PDF they name files in media storage (:class:`CertificateURLFetcher`); for
    the admin's HTML preview they are the renditions' public URLs. Remembered on the
    template object, so a batch looks them up once.
    """
    images = {"background": "", "logo": "", "signatures": []}
    if template is None:
        return images
    cached = getattr(template, "_certificate_images", {})
    if for_pdf in cached:
        return cached[for_pdf]

    def url(image, kind: str) -> str:
        if image is None:
            return ""
        rendition = image.get_rendition(IMAGE_SPECS[kind])
        return MEDIA_SCHEME + rendition.file.name if for_pdf else rendition.url

    images["background"] = url(template.background, "background")
    images["logo"] = url(template.logo, "logo")
    images["signatures"] = [
        url(block.value.get("signature"), "signature") for block in template.signatories
    ]
    template._certificate_images = cached | {for_pdf: images}
    return images


def verify_url(code: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("verify", args=[code])


def qr_data_uri(url: str) -> str:
    """The QR code as a one-pixel-per-module greyscale PNG, scaled up without smoothing.

    Drawn as SVG, WeasyPrint laid it out path by path (about 25 ms of each
    certificate's 55); a fixed mask skips qrcode's search over all eight.
    """
    code = qrcode.QRCode(border=2, mask_pattern=0)
    code.add_data(url)
    code.make(fit=True)
    matrix = code.get_matrix()
    size = len(matrix)
    raw = b"".join(b"\x00" + bytes(0 if dark else 255 for dark in row) for row in matrix)

    def chunk(tag: bytes, data: bytes) -> bytes:
        body = tag + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )
    return "data:image/png;base64," + base64.b64encode(png).decode()


def certificate_text(certificate, template) -> dict:
    language = template.language if template else settings.LANGUAGE_CODE
    with translation.override(language):
        run = certificate.run
        dates = ""
        if run.starts:
            dates = formats.date_format(run.starts, "DATE_FORMAT")
            if run.ends:
                dates += " – " + formats.date_format(run.ends, "DATE_FORMAT")
        name = (
            (certificate.name_ar or certificate.name_latin)
            if language == "ar"
            else (certificate.name_latin or certificate.name_ar)
        )
        values = {
            "name": name,
            "name_ar": certificate.name_ar,
            "name_latin": certificate.name_latin,
            "course": certificate.course_title,
            "hours": certificate.hours,
            "run_dates": dates,
            "completion_date": formats.date_format(certificate.completed_on, "DATE_FORMAT"),
            "grade": f"{certificate.grade:.0f}%" if certificate.grade is not None else "",
            "code": certificate.code,
        }
        body = template.body.format_map(_Missing(values)) if template else ""
    return {"language": language, "name": name, "body": body, "values": values}


class _Missing(dict):
    """Unknown placeholders print as they are instead of failing the render."""

    def __missing__(self, key):
        return "{" + key + "}"


def certificate_context(certificate, template, *, for_pdf: bool = True) -> dict:
    text = certificate_text(certificate, template)
    url = verify_url(certificate.code)
    images = template_images(template, for_pdf=for_pdf)
    signatories = [
        {"name": block.value["name"], "role": block.value["role"], "signature": signature}
        for block, signature in zip(
            template.signatories if template else [], images["signatures"], strict=True
        )
    ]
    return {
        "certificate": certificate,
        "template": template,
        "images": images,
        "signatories": signatories,
        "text": text,
        "centre": CENTRE.get(text["language"], CENTRE["ar"]),
        "verify_url": url,
        "qr": qr_data_uri(url),
        "font_regular": font_url("Regular"),
        "font_bold": font_url("Bold"),
        "direction": "rtl" if text["language"] == "ar" else "ltr",
    }


def render_certificate_html(certificate, template) -> str:
    context = certificate_context(certificate, template)
    with translation.override(context["text"]["language"]):
        return render_to_string("courses/certificates/certificate.html", context)


def sample_certificate(template):
    """An unsaved certificate for a made-up learner, for the admin's preview."""
    import datetime

    from django.utils import timezone

    from courses.models import Certificate, CoursePage, CourseRun

    today = timezone.localdate()
    course = CoursePage(title="التخطيط الاستراتيجي المحلي ومشاركة المواطنين", estimated_hours=12)
    run = CourseRun(
        course=course,
        title="الدفعة الأولى",
        starts=timezone.now() - datetime.timedelta(days=60),
        ends=timezone.now(),
    )
    return Certificate(
        code="MRKZ-7K3Q-9XHC",
        run=run,
        template=template,
        name_ar="سلمى عبد الرحمن الورفلي",
        name_latin="Salma Abdelrahman Al-Warfalli",
        course_title=course.title,
        hours=course.estimated_hours,
        grade=92,
        completed_on=today,
    )


def render_pdf(certificate, template) -> bytes:
    html = render_certificate_html(certificate, template)
    with RENDER_LOCK:
        document = HTML(
            string=html, base_url=str(settings.BASE_DIR), url_fetcher=CertificateURLFetcher()
        ).render(font_config=font_configuration())
        document.metadata.title = f"{certificate.course_title} — {certificate.holder_name}"
        document.metadata.authors = [CENTRE["ar"], CENTRE["en"]]
        document.metadata.description = certificate.course_title
        document.metadata.keywords = [certificate.code]
        return document.write_pdf()
