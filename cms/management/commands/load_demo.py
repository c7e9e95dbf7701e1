from django.core.management.base import BaseCommand
from django.test.utils import override_settings

from cms import demo as site_demo


class Command(BaseCommand):
    help = "Load the demo content. Idempotent: run it as often as you like."

    def handle(self, *args, **options):
        # Demo learners get no real e-mail about their demo enrolments.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            lines = site_demo.load()
        for line in lines:
            self.stdout.write(f"demo: {line}")
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
