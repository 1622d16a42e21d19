from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ContactRequest


class ContactRequestViewSet(SnippetViewSet):
    """Contact requests sent to experts through the directory; failed e-mails are easy to spot."""

    model = ContactRequest
    icon = "mail"
    menu_label = _("Expert contact requests")
    menu_order = 295
    add_to_admin_menu = True
    list_display = ["name", "expert_name", "purpose", "delivery_status", "created_at"]
    list_filter = ["delivery_status", "purpose"]
    search_fields = ["name", "email", "organisation", "message", "expert_name"]
    ordering = ["-created_at"]
    inspect_view_enabled = True
    copy_view_enabled = False


register_snippet(ContactRequestViewSet)
