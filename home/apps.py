from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site and shared vocabularies")

    def ready(self):
        from home.tasks import workflow_notifications_in_the_background
        from home.translation_sync import install_sync_of_emptied_links

        workflow_notifications_in_the_background()
        install_sync_of_emptied_links()
