"""The site's URLs plus ``/bench/bare/``: a Django view that returns the home page's bytes.

It goes through the same gunicorn, WSGI handler and middleware as every page, and
does nothing else, so its throughput is the framework's own floor on this machine.
The bytes are the Arabic home page as the benchmark fetched it (``BENCH_BARE_FILE``).
"""

import os
from functools import cache
from pathlib import Path

from django.http import HttpResponse
from django.urls import path

from cms.urls import urlpatterns as site_urlpatterns


@cache
def _body() -> bytes:
    return Path(os.environ["BENCH_BARE_FILE"]).read_bytes()


def bare(request):
    return HttpResponse(_body(), content_type="text/html; charset=utf-8")


urlpatterns = [path("bench/bare/", bare), *site_urlpatterns]
