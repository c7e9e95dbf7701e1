from django.core.management.base import BaseCommand

from cms import demo as site_demo


class Command(BaseCommand):
    help = "Load the demo content. Idempotent: run it as often as you like."

    def handle(self, *args, **options):
        for loader in (site_demo.load,):
            for line in loader():
                self.stdout.write(f"demo: {line}")
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
