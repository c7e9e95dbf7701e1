import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from allauth.account.models import EmailAddress


class Command(BaseCommand):
    help = (
        "Create the first administrator unless one exists. E-mail and password come "
        "from MARKAZ_ADMIN_EMAIL and MARKAZ_ADMIN_PASSWORD; without a password one is "
        "generated and printed once."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write("An administrator already exists; nothing to do.")
            return
        email = os.environ.get("MARKAZ_ADMIN_EMAIL", "admin@markaz.local").strip().lower()
        password = os.environ.get("MARKAZ_ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        user = User.objects.create_superuser(email=email, password=password, name_latin="Admin")
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        self.stdout.write(self.style.SUCCESS("Administrator created:"))
        self.stdout.write(f"  e-mail:   {email}")
        if "MARKAZ_ADMIN_PASSWORD" in os.environ:
            self.stdout.write("  password: (from MARKAZ_ADMIN_PASSWORD)")
        else:
            self.stdout.write(f"  password: {password}")
            self.stdout.write("  This password is shown only once: keep it now.")
