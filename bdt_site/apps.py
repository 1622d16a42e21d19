from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    name = "bdt_site"
    verbose_name = _("Be Digital Together site")

    def ready(self):
        # Connect the content-version and rendition signals in every process (web, commands, workers), not
        # only once the middleware is first used.
        from bdt_site import content_version, middleware  # noqa: F401

        content_version.connect_signals()
