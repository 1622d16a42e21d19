"""Editors and moderators (Wagtail's default groups) review the charter's signatories: they see them, with their
e-mail delivery status, and approve or reject them (view and change permissions)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Editors", "Moderators"]
CODENAMES = ["view_signatory", "change_signatory"]


def _permissions(apps):
    app_config = apps.get_app_config("home")
    app_config.models_module = True  # create_permissions skips apps without models during migrations
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    return apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="home", codename__in=CODENAMES
    )


def grant(apps, schema_editor):
    permissions = list(_permissions(apps))
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_charter_signatories"),
        ("wagtailcore", "0002_initial_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
