from django.core.management.base import BaseCommand

from attendance.notifications import send_due_reminders


class Command(BaseCommand):
    help = "Queue e-mail reminders to teachers registered for events starting within a day (run daily or hourly)."

    def handle(self, *args, **options):
        self.stdout.write(f"Event reminders queued: {send_due_reminders()}.")
