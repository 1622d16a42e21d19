from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from django.db.models.signals import post_save

        from .models import EventIndexPage
        from .moderation import setup_new_index

        post_save.connect(setup_new_index, sender=EventIndexPage, dispatch_uid="events-index-moderation")
