import shutil

import pytest

from tests import db_snapshot


class Worlds:
    """The monitoring tests' worlds: the fixture network with the layers a test asks for (people, reviewed
    submissions, registrations), each written once per test process and restored row for row in each test that asks
    for it (tests/db_snapshot.py), with the private files its rows point at.

    A world is built the first time a test asks for it, in that test's transaction (rolled back at once) and so under
    the test's own settings and patches (English, the frozen period): the network first, then each combination of
    layers on the restored network, in the order the test lists them, as the fixtures used to build them. Its private
    files go to a directory of its own, copied into the private root of each test that restores it."""

    def __init__(self, root):
        self.root = root
        self.rows = {}  # layers -> (tables, keys), as db_snapshot.changes gives them

    def _directory(self, layers):
        return self.root / "-".join(("network", *layers))

    def _rows(self, layers, build_network, add_layers):
        from django.test import override_settings

        if layers in self.rows:
            return self.rows[layers]
        if layers:
            network_rows, network_keys = self._rows((), build_network, add_layers)
            shutil.copytree(self._directory(()), self._directory(layers), dirs_exist_ok=True)

            def build():
                db_snapshot.restore(network_rows)
                network = db_snapshot.instances(network_keys)["network"]
                return {"network": network, **add_layers(network, layers)}

        else:

            def build():
                return {"network": build_network()}

        directory = self._directory(layers)
        directory.mkdir(parents=True, exist_ok=True)
        with override_settings(WORKFLOWS_PRIVATE_ROOT=directory, SENDFILE_ROOT=str(directory)):
            self.rows[layers] = db_snapshot.changes(lambda: db_snapshot.keys_of(build()))
        return self.rows[layers]

    def restored(self, layers, private_root, build_network, add_layers):
        """{"network": …, layer: …} of `layers` in the current test's transaction, its files in `private_root`;
        built there (and not kept) where a transactional test has flushed the database."""
        from django.core.cache import cache

        from workflows.models import SubmissionFile

        def build():
            network = build_network()
            return {"network": network, **add_layers(network, layers)}

        if layers not in self.rows and not db_snapshot.pristine():
            return build()
        tables, keys = self._rows(layers, build_network, add_layers)
        try:
            db_snapshot.restore(tables)
        except db_snapshot.NotAsBuilt:  # another fixture of the test wrote first: build on top of it
            return build()
        cache.clear()  # nothing cached by an earlier test is about these rows
        shutil.copytree(self._directory(layers), private_root, dirs_exist_ok=True)
        missing = [row.file.name for row in SubmissionFile.objects.all() if not row.file.storage.exists(row.file.name)]
        assert not missing, f"restored rows point at files that are not there: {missing}"
        return db_snapshot.instances(keys)


@pytest.fixture(scope="session")
def monitoring_worlds(django_db_setup, tmp_path_factory):
    return Worlds(tmp_path_factory.mktemp("monitoring-worlds"))
