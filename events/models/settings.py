"""Site settings of the events app."""

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from bdt_site import content_version


@register_setting(icon="group")
class EventSettings(BaseSiteSetting):
    minimum_share_of_women = models.PositiveSmallIntegerField(
        _("minimum share of women on a panel (%)"),
        default=0,
        validators=[MaxValueValidator(100)],
        help_text=_(
            "A panel always needs at least one woman besides the moderator to earn the 'No Women No Panel' "
            "badge. Set a percentage here to ask for more, e.g. 40."
        ),
    )

    panels = [FieldPanel("minimum_share_of_women")]

    class Meta:
        verbose_name = _("event settings")

    @classmethod
    def minimum_share(cls, request=None):
        """The setting of the request's site (default site without a request), cached until content changes
        (saving a setting is a change, bdt_site.content_version)."""
        try:
            if request is None:
                return cls.load().minimum_share_of_women
            site = Site.find_for_request(request)
            return content_version.cached(
                f"events:minimum-share:{site.pk if site else 0}",
                lambda: cls.for_request(request).minimum_share_of_women,
            )
        except Exception:  # noqa: BLE001 - no site configured yet: the base rule applies
            return 0
