import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from courses.certificates.badges import key_generate, signing_key


class Command(BaseCommand):
    help = (
        "Open Badges signing keys. `generate`/`rotate` write a new Ed25519 key to "
        "OPEN_BADGES_KEY_FILE (outside the repository) and publish its public half; older "
        "public keys stay published so earlier credentials still verify. `ensure` creates one "
        "only if none is configured."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["generate", "rotate", "ensure"])

    def handle(self, *args, action, **options):
        path = Path(os.environ.get("OPEN_BADGES_KEY_FILE", settings.OPEN_BADGES_KEY_FILE))
        if action == "ensure" and (os.environ.get("OPEN_BADGES_PRIVATE_KEY") or path.is_file()):
            kid, _key = signing_key()
            self.stdout.write(f"Signing key in place: {kid}")
            return
        kid = key_generate(path)
        self.stdout.write(self.style.SUCCESS(f"New signing key {kid} written to {path}"))
