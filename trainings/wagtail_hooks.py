from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import can_import, import_template, import_trainings


@hooks.register("register_admin_urls")
def register_import_url():
    return [
        path("trainings/import/", import_trainings, name="trainings_import"),
        path("trainings/import/template.csv", import_template, name="trainings_import_template"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(_("Import trainings"), reverse("trainings_import"), icon_name="upload", order=350)
