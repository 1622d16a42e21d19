import django.core.validators
from django.db import migrations, models


def zero_means_balanced_from_40(apps, schema_editor):
    """0 meant "no share asked beyond the minimum"; with three levels it would call every panel that meets the
    minimum gender-balanced, so it becomes the campaign's 40%."""
    apps.get_model("events", "EventSettings").objects.filter(balanced_share_of_women=0).update(
        balanced_share_of_women=40
    )


class Migration(migrations.Migration):
    dependencies = [("events", "0003_one_languages_field")]

    operations = [
        migrations.RenameField("eventsettings", "minimum_share_of_women", "balanced_share_of_women"),
        migrations.AlterField(
            model_name="eventsettings",
            name="balanced_share_of_women",
            field=models.PositiveSmallIntegerField(
                default=40,
                help_text=(
                    "A panel meets the No Women No Panel minimum with at least one woman speaker besides the "
                    "moderator; it is gender-balanced from this share of women among all its speakers."
                ),
                validators=[django.core.validators.MaxValueValidator(100)],
                verbose_name="share of women on a gender-balanced panel (%)",
            ),
        ),
        migrations.RunPython(zero_means_balanced_from_40, migrations.RunPython.noop),
    ]
