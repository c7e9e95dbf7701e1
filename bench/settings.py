"""Settings for the load benchmark: production settings plus one bare view (the floor)."""

from cms.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
