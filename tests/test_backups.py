"""Backups: the README's commands, run for real. A loaded database is dumped (pg_dump -Fc) and restored (pg_restore)
into a new one, the private files go through tar, and the same pages, submissions and files are found."""

import io
import shutil
import subprocess
import tarfile

import psycopg2
import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump and pg_restore need PostgreSQL"),
    pytest.mark.skipif(not shutil.which("pg_dump"), reason="no pg_dump on this machine"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

COUNTS = {
    "pages": "SELECT count(*), string_agg(url_path, ',' ORDER BY url_path) FROM wagtailcore_page",
    "submissions": "SELECT count(*), string_agg(title, ',' ORDER BY title) FROM workflows_submission",
    "files": "SELECT count(*), string_agg(file, ',' ORDER BY id) FROM workflows_submissionfile",
}


def libpq_args(database):
    db = connection.settings_dict
    return [
        "-h",
        db["HOST"] or "127.0.0.1",
        "-p",
        str(db["PORT"] or 5432),
        "-U",
        db["USER"] or "postgres",
        "-d",
        database,
    ]


def snapshot(database):
    db = connection.settings_dict
    with (
        psycopg2.connect(
            host=db["HOST"] or "127.0.0.1",
            port=db["PORT"] or 5432,
            user=db["USER"] or "postgres",
            password=db["PASSWORD"] or None,
            dbname=database,
        ) as conn,
        conn.cursor() as cursor,
    ):
        result = {}
        for name, sql in COUNTS.items():
            cursor.execute(sql)
            result[name] = cursor.fetchone()
    conn.close()
    return result


def test_a_dump_restores_into_a_new_database_with_the_same_pages_submissions_and_files(tmp_path):
    call_command("load_demo", schools=2, stdout=io.StringIO())
    source = connection.settings_dict["NAME"]
    before = snapshot(source)
    assert before["pages"][0] > 20 and before["submissions"][0] >= 5 and before["files"][0] >= 1

    dump = tmp_path / "site.dump"
    subprocess.run(["pg_dump", "-Fc", "-f", str(dump), *libpq_args(source)], check=True)
    restored = f"{source}_restored"
    admin = libpq_args("postgres")
    subprocess.run(["dropdb", "--if-exists", *admin[:-2], restored], check=True)
    subprocess.run(["createdb", *admin[:-2], restored], check=True)
    try:
        subprocess.run(["pg_restore", "--no-owner", *libpq_args(restored), str(dump)], check=True)
        assert snapshot(restored) == before
    finally:
        subprocess.run(["dropdb", "--if-exists", *admin[:-2], restored], check=True)

    # The private files volume: tar it, unpack it elsewhere, and every stored file is there with the same bytes.
    private = settings.WORKFLOWS_PRIVATE_ROOT
    archive = tmp_path / "private.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(private, arcname="private-media")
    with tarfile.open(archive) as tar:
        tar.extractall(tmp_path / "restored", filter="data")
    for name in before["files"][1].split(","):
        assert (tmp_path / "restored" / "private-media" / name).read_bytes() == (private / name).read_bytes()
