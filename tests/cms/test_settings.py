"""Production settings refuse to start without secrets and pass `check --deploy`."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "SECRET_KEY": "a-long-random-production-secret-" + "x7Qp9Lm2Vt8Rk4Wz6Ny3" * 2,
    "ALLOWED_HOSTS": "markaz.example.org",
}


def run(args: list[str], **env: str) -> subprocess.CompletedProcess:
    unset = {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in unset}
    clean.update(env, DJANGO_SETTINGS_MODULE="cms.settings.production")
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=120
    )


def test_production_refuses_to_start_without_secret_key():
    result = run(["manage.py", "check"], ALLOWED_HOSTS="markaz.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run(["manage.py", "check"], SECRET_KEY=PRODUCTION_ENV["SECRET_KEY"])
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_check_deploy_is_clean_with_the_required_variables():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_wsgi_application_loads_in_production():
    code = "from cms.wsgi import application; print(type(application).__name__)"
    result = run(["-c", code], **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "WSGIHandler" in result.stdout


def test_two_sites_sharing_one_redis_keep_apart_unless_told_otherwise():
    """Cached pages, routes and course outlines are keyed by path and generation: a
    staging site beside production on one Redis must not serve production's pages."""
    code = "from django.conf import settings; print(settings.CACHES['default']['KEY_PREFIX'])"

    def prefix(database: str, chosen: str = "") -> str:
        env = PRODUCTION_ENV | {"REDIS_URL": "redis://127.0.0.1:6379/9"}
        result = run(["-c", code], **env, DATABASE_URL=database, CACHE_KEY_PREFIX=chosen)
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    production = prefix("postgres://markaz@db/markaz")
    assert production != prefix("postgres://markaz@db/markaz_staging")
    assert prefix("postgres://markaz@db/markaz", chosen="shared") == "shared"
