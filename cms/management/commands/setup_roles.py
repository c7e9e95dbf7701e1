from django.core.management.base import BaseCommand

from cms.roles import roles_setup


class Command(BaseCommand):
    help = "Create or complete the Editors and Moderators groups and the news-and-events workflow."

    def handle(self, *args, **options):
        workflow = roles_setup()
        self.stdout.write(self.style.SUCCESS(f"Roles and workflow “{workflow.name}” are in place."))
