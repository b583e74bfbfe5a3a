from django.core.management.base import BaseCommand
from django.db import transaction

from demo.guard import add_force_argument, refuse_in_production


class Command(BaseCommand):
    help = "Load the demo network (idempotent): home pages in kk, ru and en and the network's content."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            choices=["demo", "national"],
            default="demo",
            help="demo: a believable small network; national: the national scale for benchmarks.",
        )
        parser.add_argument("--schools", type=int, default=None, help="Load only this many demo Leading Schools.")
        add_force_argument(parser)

    def handle(self, *args, scale="demo", **options):
        refuse_in_production(options)
        from demo.accounts import load_teacher_accounts
        from demo.editors import align_site_with_admin_base_url, load_editors_demo
        from demo.home import load_home
        from demo.network import load_network
        from demo.workflows import load_workflow_demo

        with transaction.atomic():
            homes = load_home()
            load_network(homes, stdout=self.stdout, schools=options.get("schools"))
            load_workflow_demo(stdout=self.stdout)
            load_teacher_accounts(stdout=self.stdout)
            load_editors_demo(stdout=self.stdout)
            align_site_with_admin_base_url()
        self.stdout.write(self.style.SUCCESS(f"Home pages ready: {', '.join(sorted(homes))}"))
        if scale == "national":
            from demo.national import AlreadyLoaded, load_national

            try:
                load_national(stdout=self.stdout)
            except AlreadyLoaded as error:
                self.stdout.write(self.style.WARNING(str(error)))
