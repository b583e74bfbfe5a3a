"""Demo accounts have published passwords: the commands that create them refuse a production database."""

from django.conf import settings
from django.core.management.base import CommandError

FORCE_FLAG = "--i-know-this-is-a-throwaway-database"


def add_force_argument(parser):
    parser.add_argument(
        FORCE_FLAG,
        dest="throwaway",
        action="store_true",
        help="Run even under the production settings: only for a database that will be thrown away (CI).",
    )


def refuse_in_production(options):
    """Raise unless the settings allow demo data (not production) or the caller forced it for a throwaway database."""
    if getattr(settings, "DEMO_DATA_ALLOWED", True) or options.get("throwaway"):
        return
    raise CommandError(
        "Refusing to create demo content and demo accounts with published passwords under the production settings. "
        f"For a throwaway database (CI), pass {FORCE_FLAG} and set DEMO_ADMIN_PASSWORD and DEMO_REVIEW_PASSWORD."
    )
