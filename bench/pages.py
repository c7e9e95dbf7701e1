"""In-process page benchmark: render time and SQL queries per page.

Runs Django's test client against the local database with the demo content
(``make bench`` sets it up first). It measures the framework and our code, not
the network or gunicorn; the load benchmark against gunicorn comes with the
performance work.

    python bench/pages.py [--requests 200]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

PAGES = {
    "home (ar)": "/ar/",
    "home (fr)": "/fr/",
    "login (ar)": "/ar/accounts/login/",
    "signup (ar)": "/ar/accounts/signup/",
    "healthz": "/healthz",
}


def measure(client: Client, url: str, requests: int) -> dict:
    client.get(url)  # warm caches and template loading
    queries = []
    with connection.execute_wrapper(
        lambda execute, sql, *a: queries.append(sql) or execute(sql, *a)
    ):
        response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}: run `make setup` first")
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return {
        "status": response.status_code,
        "queries": len(queries),
        "p50": statistics.median(timings),
        "p95": timings[int(len(timings) * 0.95) - 1],
        "rps": 1000 / statistics.mean(timings),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    client = Client(HTTP_HOST="127.0.0.1")
    print(f"{'page':<14} {'status':>6} {'queries':>7} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>8}")
    for name, url in PAGES.items():
        r = measure(client, url, args.requests)
        print(
            f"{name:<14} {r['status']:>6} {r['queries']:>7} {r['p50']:>8.1f} "
            f"{r['p95']:>8.1f} {r['rps']:>8.0f}"
        )


if __name__ == "__main__":
    main()
