from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="link")
class SiteLinks(BaseSiteSetting):
    """Pages the footer always links to. Choose the English page; each language links to its translation."""

    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("contact page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("accessibility_page"), FieldPanel("privacy_page"), FieldPanel("contact_page")]

    class Meta:
        verbose_name = _("footer links")

    def footer_links(self):
        """(label, page) pairs for the footer, each page in the active language when translated."""
        labels = [
            (_("Accessibility"), self.accessibility_page),
            (_("Privacy"), self.privacy_page),
            (_("Contact"), self.contact_page),
        ]
        return [(label, page.localized) for label, page in labels if page is not None]
