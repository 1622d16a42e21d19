from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.admin_reports import EditorialReportMenuItem, report_urls
from home.delivery_admin import ResendDeliveryViewSetMixin, record_panels
from home.models import (
    CompetenceArea,
    ContactMessage,
    FigureTheme,
    Format,
    KeyFigure,
    Level,
    Organisation,
    Region,
    StrategicObjective,
    TargetGroup,
)
from home.translation_status import TranslationStatusReportView


class TaxonomyViewSet(SnippetViewSet):
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "slug"]
    ordering = ["sort_order", "name"]


def _taxonomy_viewset(taxonomy_model, icon_name):
    return type(
        f"{taxonomy_model.__name__}ViewSet",
        (TaxonomyViewSet,),
        {"model": taxonomy_model, "icon": icon_name},
    )


class VocabularyGroup(SnippetViewSetGroup):
    menu_label = _("Vocabularies")
    menu_icon = "tag"
    menu_order = 300
    items = [
        _taxonomy_viewset(TargetGroup, "group"),
        _taxonomy_viewset(CompetenceArea, "pick"),
        _taxonomy_viewset(Level, "order"),
        _taxonomy_viewset(Format, "desktop"),
        _taxonomy_viewset(Region, "site"),
        _taxonomy_viewset(StrategicObjective, "flag"),
    ]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "home"
    menu_label = _("Organisations")
    menu_order = 290
    add_to_admin_menu = True
    list_display = ["name", "kind", "region", "locale"]
    list_filter = ["kind", "locale"]
    search_fields = ["name", "description"]


class KeyFigureViewSet(SnippetViewSet):
    model = KeyFigure
    icon = "table"
    list_display = ["name", "theme", "unit", "locale"]
    list_filter = ["theme", "locale"]
    search_fields = ["name", "source_name"]
    ordering = ["theme__sort_order", "sort_order", "name"]


class KeyFiguresGroup(SnippetViewSetGroup):
    menu_label = _("Key figures")
    menu_icon = "table"
    menu_order = 295
    items = [KeyFigureViewSet, _taxonomy_viewset(FigureTheme, "folder-open-inverse")]


register_snippet(VocabularyGroup)
register_snippet(KeyFiguresGroup)
register_snippet(OrganisationViewSet)


@hooks.register("register_admin_urls")
def register_translation_status_urls():
    return report_urls(
        "reports/translation-status/", TranslationStatusReportView, "translation_status_report"
    )


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return EditorialReportMenuItem(
        _("Translation status"), reverse("translation_status_report"), icon_name="site", order=950
    )


# -- contact messages (home.models.contact) --------------------------------------------------------------
class ContactMessageViewSet(ResendDeliveryViewSetMixin, ModelViewSet):
    """Messages sent through the contact page; failed e-mails are easy to spot and can be sent again. Editors
    and moderators see them (home migration contact_page_and_messages); nobody edits what was sent."""

    model = ContactMessage
    url_prefix = "contact-messages"
    icon = "mail"
    menu_label = _("Contact messages")
    menu_order = 294
    add_to_admin_menu = True
    list_display = ["name", "topic", "language", "delivery_status", "delivery_attempts", "created_at"]
    list_filter = ["delivery_status", "topic", "language"]
    search_fields = ["name", "email", "message"]
    ordering = ["-created_at"]
    inspect_view_enabled = True
    copy_view_enabled = False
    panels = record_panels("name", "email", "topic", "message", "language")


@hooks.register("register_admin_viewset")
def register_contact_messages():
    return ContactMessageViewSet("contact_messages")


# -- the Women in Digital charter: its moderation queue ----------------------------------------------------
@hooks.register("register_admin_viewset")
def register_charter_signatories():
    from home.charter_admin import SignatoryViewSet

    return SignatoryViewSet("charter_signatories")
