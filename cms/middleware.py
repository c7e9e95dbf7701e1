from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware


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
