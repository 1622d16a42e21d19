from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TestimonialsConfig(AppConfig):
    name = "testimonials"
    verbose_name = _("Role models")

    def ready(self):
        from .moderation import connect

        connect()  # the experts' notices of moderation (published, changes requested)
