from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.model import ModelViewSet

from home.delivery_admin import ResendDeliveryViewSetMixin

from .models import ContactRequest


class ContactRequestViewSet(ResendDeliveryViewSetMixin, ModelViewSet):
    """Contact requests sent to experts through the directory; failed e-mails are easy to spot and can be sent
    again. Editors and moderators see them (testimonials migration 0002); nobody edits what was sent. A plain
    record, not content: a ModelViewSet at /admin/contact-requests/."""

    model = ContactRequest
    url_prefix = "contact-requests"
    icon = "mail"
    menu_label = _("Expert contact requests")
    menu_order = 295
    add_to_admin_menu = True
    list_display = ["name", "expert_name", "purpose", "delivery_status", "delivery_attempts", "created_at"]
    list_filter = ["delivery_status", "purpose"]
    search_fields = ["name", "email", "organisation", "message", "expert_name"]
    ordering = ["-created_at"]
    inspect_view_enabled = True
    copy_view_enabled = False
    panels = [
        FieldPanel(name, read_only=True)
        for name in [
            "expert_name",
            "name",
            "email",
            "organisation",
            "purpose",
            "message",
            "language",
            "delivery_status",
            "delivery_attempts",
            "delivery_error",
            "delivery_attempted_at",
        ]
    ]


@hooks.register("register_admin_viewset")
def register_contact_requests():
    return ContactRequestViewSet("contact_requests")
