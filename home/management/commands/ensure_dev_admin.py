import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"
PASSWORD = "bdt-dev-admin"  # noqa: S105 - development-only account, refused when DEBUG is off


class Command(BaseCommand):
    help = "Create the development admin account (only when DEBUG is on) and print its credentials."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Refusing to create the development admin account: DEBUG is off.")
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=USERNAME, defaults={"email": "admin@localhost", "is_staff": True, "is_superuser": True}
        )
        if created:
            user.set_password(PASSWORD)
            user.save()
        self.stdout.write(
            f"Development admin: http://127.0.0.1:{os.environ.get('PORT', '8000')}/admin/ "
            f"user '{USERNAME}', password '{PASSWORD}'" + ("" if created else " (existing account)")
        )
