"""Permissions given to Wagtail's default groups by a data migration: `grant_to_groups(app_label, codenames)` is
the migration operation (reversible) that gives Editors and Moderators the model permissions `codenames` of
`app_label`, creating them first (Django creates permissions only after all migrations ran). Only the
historical models the migration is given are used, so it stays valid whatever the models become."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

REVIEWER_GROUPS = ("Editors", "Moderators")


def _permissions(apps, app_label, codenames):
    app_config = apps.get_app_config(app_label)
    app_config.models_module = True  # create_permissions skips apps without models during migrations
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    return list(Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))


def grant_to_groups(app_label, codenames, groups=REVIEWER_GROUPS):
    def grant(apps, schema_editor):
        permissions = _permissions(apps, app_label, codenames)
        for group in apps.get_model("auth", "Group").objects.filter(name__in=groups):
            group.permissions.add(*permissions)

    def revoke(apps, schema_editor):
        permissions = _permissions(apps, app_label, codenames)
        for group in apps.get_model("auth", "Group").objects.filter(name__in=groups):
            group.permissions.remove(*permissions)

    return migrations.RunPython(grant, revoke)
