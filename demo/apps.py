from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo network, its logins and the national-scale data of the benchmarks.

    Nothing else imports it: the demo builds its object graphs through the apps' own factories
    (home/factories.py, network/factories.py, workflows/factories.py, workflows/factories.py), as the tests do,
    and the national loader writes its rows in bulk.
    """

    name = "demo"
    verbose_name = "Demo content"
