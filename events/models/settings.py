"""Site settings of the events app."""

from django.core.cache import cache
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

MINIMUM_SHARE_CACHE_PREFIX = "events:minimum-share:"


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
        """The setting of the request's site (default site without a request), cached until it is saved."""
        try:
            if request is None:
                return cls.load().minimum_share_of_women
            site = Site.find_for_request(request)
            key = f"{MINIMUM_SHARE_CACHE_PREFIX}{site.pk if site else 0}"
            value = cache.get(key)
            if value is None:
                value = cls.for_request(request).minimum_share_of_women
                cache.set(key, value, 3600)
            return value
        except Exception:  # noqa: BLE001 - no site configured yet: the base rule applies
            return 0


@receiver(post_save, sender=EventSettings)
@receiver(post_delete, sender=EventSettings)
def forget_minimum_share(sender, instance, **kwargs):
    cache.delete(f"{MINIMUM_SHARE_CACHE_PREFIX}{instance.site_id}")
