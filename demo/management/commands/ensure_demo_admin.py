import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from demo.guard import add_force_argument, refuse_in_production


class Command(BaseCommand):
    help = "Create (or reset) the demo administrator of the quick start and print its login."

    def add_arguments(self, parser):
        add_force_argument(parser)

    def handle(self, *args, **options):
        refuse_in_production(options)
        username = os.environ.get("DEMO_ADMIN_USERNAME", "admin")
        password = os.environ.get("DEMO_ADMIN_PASSWORD", "admin-demo-2026")
        user, _created = get_user_model().objects.get_or_create(
            username=username, defaults={"email": "admin@example.kz", "first_name": "Demo", "last_name": "Admin"}
        )
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(password)
        user.save()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo administrator: http://127.0.0.1:{os.environ.get('PORT', '8000')}/admin/  "
                f"login: {username}  password: {password}"
            )
        )
