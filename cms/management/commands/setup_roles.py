from django.core.management.base import BaseCommand

from cms.roles import roles_setup


class Command(BaseCommand):
    help = (
        "Create or complete the Editors, Moderators and Trainers groups and the "
        "news-and-events workflow."
    )

    def handle(self, *args, **options):
        from courses.team import trainers_group_setup

        workflow = roles_setup()
        trainers_group_setup()
        self.stdout.write(self.style.SUCCESS(f"Roles and workflow “{workflow.name}” are in place."))
