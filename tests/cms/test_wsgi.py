"""The WSGI entry point gunicorn loads."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_worker_freezes_what_it_loaded_out_of_full_garbage_collections():
    """A worker's loaded modules, models and URL patterns are frozen once, so CPython's full
    collections (165 ms each, measured) no longer walk them; the views are imported then."""
    script = (
        "import gc, sys\n"
        "import cms.wsgi\n"
        "print(gc.get_freeze_count(), 'cms.views' in sys.modules)\n"
    )
    environment = os.environ | {"DJANGO_SETTINGS_MODULE": "cms.settings.test"}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    frozen, views_loaded = result.stdout.split()
    assert int(frozen) > 100_000
    assert views_loaded == "True"
