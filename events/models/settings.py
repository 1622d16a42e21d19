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
    balanced_share_of_women = models.PositiveSmallIntegerField(
        _("share of women on a gender-balanced panel (%)"),
        default=40,
        validators=[MaxValueValidator(100)],
        help_text=_(
            "A panel meets the No Women No Panel minimum with at least one woman speaker besides the "
            "moderator; it is gender-balanced from this share of women among all its speakers."
        ),
    )

    panels = [FieldPanel("balanced_share_of_women")]

    class Meta:
        verbose_name = _("event settings")

    @classmethod
    def balanced_share(cls, request=None):
        """The setting of the request's site (default site without a request), cached until content changes
        (saving a setting is a change, bdt_site.content_version)."""
        try:
            if request is None:
                return cls.load().balanced_share_of_women
            site = Site.find_for_request(request)
            return content_version.cached(
                f"events:balanced-share:{site.pk if site else 0}",
                lambda: cls.for_request(request).balanced_share_of_women,
            )
        except Exception:  # noqa: BLE001 - no site configured yet: the field's default applies
            return cls._meta.get_field("balanced_share_of_women").default
