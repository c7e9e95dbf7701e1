from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

from whitenoise.middleware import WhiteNoiseMiddleware


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a 404 answered by a view outside the language prefixes
    (/h5p/…, /healthz) stays a 404.

    Django redirects any 404 at an unprefixed path to /ar/<path> when that would
    resolve, and Wagtail's catch-all page route makes every path resolve.
    """

    def process_response(self, request, response):
        if response.status_code == 404 and getattr(request, "resolver_match", None):
            response.setdefault("Content-Language", request.LANGUAGE_CODE)
            return response
        return super().process_response(request, response)


def content_security_policy(**extra: list[str]) -> str:
    """The site's policy as a header value, with ``extra`` sources added per directive
    (``script_src=["'unsafe-inline'"]`` adds to script-src)."""
    policy = {name: list(sources) for name, sources in settings.CONTENT_SECURITY_POLICY.items()}
    for name, sources in extra.items():
        policy.setdefault(name.replace("_", "-"), []).extend(sources)
    return "; ".join(f"{name} {' '.join(sources)}".strip() for name, sources in policy.items())


class ContentSecurityPolicyMiddleware:
    """Sends ``settings.CONTENT_SECURITY_POLICY`` with every HTML page of the site.

    The site's own pages load scripts only from the site (no inline script), so
    script-src has no 'unsafe-inline'. The Wagtail admin, which relies on inline
    scripts, is left to its own headers, and so are responses that already carry a
    policy (H5P files and forum attachments send a stricter sandbox one).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "CONTENT_SECURITY_POLICY", None)
        if (
            policy
            and "Content-Security-Policy" not in response
            and response.get("Content-Type", "").startswith("text/html")
            and not request.path.startswith(settings.CSP_EXEMPT_PATHS)
        ):
            response["Content-Security-Policy"] = content_security_policy()
        return response


class StaticFilesMiddleware(WhiteNoiseMiddleware):
    """WhiteNoise, with a year (not ten) as the lifetime of fingerprinted files.

    Files whose name carries their content hash never change, so browsers and proxies
    keep them ``immutable``; a year is the longest lifetime caches are asked to honour.
    Other files (without a hash) get ``WHITENOISE_MAX_AGE``, 60 seconds by default.
    """

    FOREVER = 365 * 24 * 60 * 60
