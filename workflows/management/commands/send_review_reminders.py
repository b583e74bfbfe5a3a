from django.core.management.base import BaseCommand

from workflows.notifications import send_due_reminders


class Command(BaseCommand):
    help = "Queue e-mail reminders to reviewers before and after each review stage's deadline (run daily)."

    def handle(self, *args, **options):
        before, after = send_due_reminders()
        self.stdout.write(f"Reminders queued: {before} due soon, {after} overdue.")
