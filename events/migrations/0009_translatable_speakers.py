"""An event's speakers become translatable (TranslatableMixin), so that their job title and organisation can be
translated: each row gets its page's locale, and the rows at the same position on the language versions of one
event share a translation key, so wagtail-localize's next sync updates them in place."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def fill_locale_and_translation_key(apps, schema_editor):
    model = apps.get_model("events", "eventpagespeaker")
    keys = {}  # (page translation key, position on the page): the rows' translation key
    positions = {}  # page id: rows seen so far
    rows = model.objects.order_by("page_id", "sort_order", "pk").values_list(
        "pk", "page_id", "page__locale_id", "page__translation_key"
    )
    for pk, page_id, locale_id, page_key in rows:
        position = positions[page_id] = positions.get(page_id, -1) + 1
        key = keys.setdefault((page_key, position), uuid.uuid4())
        model.objects.filter(pk=pk).update(locale_id=locale_id, translation_key=key)


def locale_field(**options):
    return models.ForeignKey(
        editable=False,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to="wagtailcore.locale",
        verbose_name="locale",
        **options,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0008_body_charter_count_block"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(model_name="eventpagespeaker", name="locale", field=locale_field(null=True)),
        migrations.AddField(
            model_name="eventpagespeaker",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.RunPython(fill_locale_and_translation_key, migrations.RunPython.noop),
        migrations.AlterField(model_name="eventpagespeaker", name="locale", field=locale_field()),
        migrations.AlterField(
            model_name="eventpagespeaker",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name="eventpagespeaker", unique_together={("translation_key", "locale")}
        ),
    ]
