"""Public verification of certificates, and the learner's own downloads."""

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from courses.models import Certificate

from .codes import code_normalise

VERIFY_LIMIT = 30  # look-ups per address per minute


def _rate_limited(request) -> bool:
    key = f"verify-rate:{request.META.get('REMOTE_ADDR', '')}"
    cache.add(key, 0, timeout=60)  # the window starts with the first look-up
    return cache.incr(key) > VERIFY_LIMIT


@require_GET
def verify_form(request):
    typed = request.GET.get("code", "")
    if typed:
        code = code_normalise(typed)
        return redirect("verify", code=code or "MRKZ-0000-0000")
    return render(request, "courses/certificates/verify_form.html")


@require_GET
def verify(request, code):
    if _rate_limited(request):
        return HttpResponse(status=429)
    normalised = code_normalise(code)
    certificate = (
        Certificate.objects.select_related("run__course").filter(code=normalised).first()
        if normalised
        else None
    )
    if certificate is None:
        # Unknown and malformed codes look alike: nothing to learn by guessing.
        response = render(request, "courses/certificates/not_found.html", {"code": code})
        response.status_code = 404
        return response
    if normalised != code:
        return redirect("verify", code=normalised)
    return render(request, "courses/certificates/verify.html", {"certificate": certificate})


@login_required
@require_GET
def download(request, code):
    certificate = get_object_or_404(Certificate, code=code)
    if certificate.user_id != request.user.pk and not request.user.is_superuser:
        raise Http404
    if not certificate.pdf:
        raise Http404
    return FileResponse(
        certificate.pdf.open("rb"),
        content_type="application/pdf",
        as_attachment=True,
        filename=f"{certificate.code}.pdf",
    )
