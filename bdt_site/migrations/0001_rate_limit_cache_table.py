"""The rate-limit counters' database cache table (settings.CACHES["ratelimit"], "bdt_ratelimit"), created by
`migrate` wherever the site runs: `make run`, production, the benchmark and the browser tests' own databases.
`manage.py createcachetable` does the same (and Django runs it for every test database)."""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop, elidable=False)]
