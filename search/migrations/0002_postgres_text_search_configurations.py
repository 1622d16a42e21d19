"""PostgreSQL only: one text-search configuration per language, its snowball stemmer behind `unaccent`.

bdt_english, bdt_french, bdt_dutch, bdt_german and bdt_simple (no stemming, for autocomplete). If the
`unaccent` extension (PostgreSQL contrib) cannot be created, the configurations are created without it and
accents then matter; a warning says so.
"""

import logging

from django.db import migrations, transaction

logger = logging.getLogger(__name__)

STEMMERS = {"english": "english_stem", "french": "french_stem", "dutch": "dutch_stem", "german": "german_stem", "simple": "simple"}


def create_configurations(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        try:
            with transaction.atomic(using=connection.alias):
                cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
            has_unaccent = True
        except Exception:  # noqa: BLE001 - missing contrib or privileges
            logger.warning("The PostgreSQL 'unaccent' extension is unavailable: search will be accent-sensitive.")
            has_unaccent = False
        for name, dictionary in STEMMERS.items():
            cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = %s", [f"bdt_{name}"])
            if cursor.fetchone():
                continue
            dictionaries = f"unaccent, {dictionary}" if has_unaccent else dictionary
            cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION bdt_{name} (COPY = {name})")
            cursor.execute(
                f"ALTER TEXT SEARCH CONFIGURATION bdt_{name} "
                f"ALTER MAPPING FOR hword, hword_part, word WITH {dictionaries}"
            )


def drop_configurations(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for name in STEMMERS:
            cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS bdt_{name}")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create_configurations, drop_configurations)]
