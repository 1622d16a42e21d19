from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from home.fields import optional_link


@register_setting(icon="link")
class SiteLinks(BaseSiteSetting):
    """Pages the footer always links to. Choose the English page; each language links to its translation."""

    accessibility_page = optional_link("wagtailcore.Page", _("accessibility statement"))
    privacy_page = optional_link("wagtailcore.Page", _("privacy notice"))
    contact_page = optional_link("wagtailcore.Page", _("contact page"))

    panels = [FieldPanel("accessibility_page"), FieldPanel("privacy_page"), FieldPanel("contact_page")]

    class Meta:
        verbose_name = _("footer links")

    @classmethod
    def privacy_page_for(cls, request):
        """The privacy notice for the forms that collect personal data: in the active language when translated,
        else the chosen page; None when none is chosen (or no site is configured)."""
        try:
            page = cls.for_request(request).privacy_page
        except Exception:  # noqa: BLE001 - no site configured
            return None
        return page.localized if page else None

    def footer_links(self):
        """(label, page) pairs for the footer, each page in the active language when it is translated and
        live there, else the chosen page. Two queries, whatever the number of languages."""
        from django.utils.translation import get_language
        from wagtail.models import Page

        from home.visibility import public_pages

        chosen = [
            (_("Accessibility"), self.accessibility_page_id),
            (_("Privacy"), self.privacy_page_id),
            (_("Contact"), self.contact_page_id),
        ]
        ids = [page_id for _label, page_id in chosen if page_id]
        sources = public_pages(Page.objects.filter(id__in=ids)).in_bulk()
        keys = {source.translation_key for source in sources.values()}
        localized = {
            page.translation_key: page
            for page in public_pages(
                Page.objects.filter(translation_key__in=keys, locale__language_code=get_language())
            )
        }
        links = []
        for label, page_id in chosen:
            source = sources.get(page_id)
            if source is not None:
                links.append((label, localized.get(source.translation_key, source)))
        return links
