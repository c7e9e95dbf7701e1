"""Public verification of certificates, and the learner's own downloads."""

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from allauth.account.adapter import get_adapter

from courses.models import Certificate

from . import badges
from .codes import code_normalise

VERIFY_LIMIT = 30  # look-ups per address per minute


def _rate_limited(request) -> bool:
    # The client's address as allauth's limits see it: behind the proxy, from X-Forwarded-For
    # (ALLAUTH_TRUSTED_PROXY_COUNT), or every visitor would share the proxy's one budget.
    key = f"verify-rate:{get_adapter(request).get_client_ip(request)}"
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


@require_GET
def issuer(request):
    return JsonResponse(badges.issuer_profile(), json_dumps_params={"ensure_ascii": False})


@require_GET
def jwks(request):
    return JsonResponse(badges.jwks())


@require_GET
def status_list(request, number):
    if not 1 <= number <= badges.status_lists_in_use():
        raise Http404
    token = badges.jws_sign(badges.status_list_credential(number))
    response = HttpResponse(token, content_type="application/vc+jwt")
    response["Cache-Control"] = "public, max-age=300"
    return response


@login_required
@require_GET
def credential(request, code):
    certificate = get_object_or_404(
        Certificate.objects.select_related("run__course", "user"), code=code
    )
    if certificate.user_id != request.user.pk and not request.user.is_superuser:
        raise Http404
    response = HttpResponse(badges.credential_jwt(certificate), content_type="application/vc+jwt")
    response["Content-Disposition"] = f'attachment; filename="{certificate.code}.jwt"'
    return response


@require_http_methods(["GET", "POST"])
def verify_credential(request):
    """Check a credential someone pasted or uploaded: signature, status and dates."""
    result, error = None, ""
    if request.method == "POST":
        if _rate_limited(request):
            return HttpResponse(status=429)
        token = request.POST.get("credential", "")
        upload = request.FILES.get("file")
        if upload is not None and upload.size <= 64 * 1024:
            token = upload.read().decode("utf-8", "replace")
        try:
            result = badges.credential_verify(token[: 64 * 1024])
        except badges.CredentialError:
            error = _("This is not a credential signed by the centre, or it has been altered.")
    return render(
        request, "courses/certificates/verify_credential.html", {"result": result, "error": error}
    )
