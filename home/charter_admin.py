"""The charter's moderation queue in the admin (/admin/charter-signatories/): editors read what an
organisation sent, approve or reject its signature (the status), and may match it to an Organisation snippet
so that the listing links to its trainings, events and initiatives."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.views.generic.models import EditView
from wagtail.admin.viewsets.model import ModelViewSet

from home.delivery_admin import ResendDeliveryViewSetMixin
from home.models import Signatory


class SignatoryEditView(EditView):
    def save_instance(self):
        previous = Signatory.objects.filter(pk=self.object.pk).values_list("status", flat=True).first()
        instance = super().save_instance()
        instance.reviewed(previous)
        return instance


class SignatoryViewSet(ResendDeliveryViewSetMixin, ModelViewSet):
    model = Signatory
    url_prefix = "charter-signatories"
    icon = "pick"
    menu_label = _("Charter signatories")
    menu_order = 296
    add_to_admin_menu = True
    edit_view_class = SignatoryEditView
    list_display = ["organisation_name", "sector", "status", "delivery_status", "created_at"]
    list_filter = ["status", "sector", "delivery_status"]
    search_fields = ["organisation_name", "contact_name", "email", "statement"]
    ordering = ["-created_at"]
    inspect_view_enabled = True
    copy_view_enabled = False
    panels = [
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("organisation")],
            heading=_("Review"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("sector"),
                FieldPanel("region"),
                FieldPanel("statement"),
                FieldPanel("logo", read_only=True),
                FieldPanel("logo_alt"),
                FieldPanel("commitments", read_only=True),
            ],
            heading=_("What is published"),
        ),
        MultiFieldPanel(
            [
                FieldPanel(name, read_only=True)
                for name in [
                    "contact_name",
                    "email",
                    "language",
                    "created_at",
                    "confirmed_at",
                    "reviewed_at",
                    "withdrawn_at",
                    "delivery_status",
                    "delivery_attempts",
                    "delivery_error",
                ]
            ],
            heading=_("Not published"),
        ),
    ]
