"""The languages she speaks move from a JSON list to the site's one languages field (home.fields.LanguagesField,
stored as ",fr,en,"), keeping every role model's languages; reversible."""

from django.db import migrations

import home.fields


def copy_languages(source, target):
    def copy(apps, schema_editor):
        TestimonialPage = apps.get_model("testimonials", "TestimonialPage")
        rows = list(TestimonialPage.objects.only("pk", source))
        for row in rows:
            setattr(row, target, list(getattr(row, source) or []))
        TestimonialPage.objects.bulk_update(rows, [target], batch_size=500)

    return copy


class Migration(migrations.Migration):
    dependencies = [
        ("testimonials", "0002_contact_request_reviewers"),
    ]

    operations = [
        migrations.AddField(
            model_name="testimonialpage",
            name="languages_list",
            field=home.fields.LanguagesField(
                blank=True, default=list, max_length=255, verbose_name="languages she speaks"
            ),
        ),
        migrations.RunPython(
            copy_languages("languages", "languages_list"), copy_languages("languages_list", "languages")
        ),
        migrations.RemoveField(model_name="testimonialpage", name="languages"),
        migrations.RenameField(model_name="testimonialpage", old_name="languages_list", new_name="languages"),
    ]
