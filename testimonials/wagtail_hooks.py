from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.model import ModelViewSet

from home.admin_reports import EditorialReportMenuItem
from home.delivery_admin import ResendDeliveryViewSetMixin

from .admin_views import ExpertCoverageView, MergeTopicsView, PendingSignupsView
from .models import ContactRequest, ExpertNotice


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


class ExpertNoticeViewSet(ResendDeliveryViewSetMixin, ModelViewSet):
    """The e-mails sent to women experts about their sign-up (confirmation link, moderation, fresh links) and to
    the editors: a failed one is easy to spot and can be sent again. Read-only: /admin/expert-notices/."""

    model = ExpertNotice
    url_prefix = "expert-notices"
    icon = "mail"
    menu_label = _("Expert sign-up e-mails")
    menu_order = 296
    add_to_admin_menu = True
    list_display = ["signup", "kind", "delivery_status", "delivery_attempts", "created_at"]
    list_filter = ["delivery_status", "kind"]
    ordering = ["-created_at"]
    inspect_view_enabled = True
    copy_view_enabled = False
    panels = [
        FieldPanel(name, read_only=True)
        for name in ["signup", "kind", "comment", "delivery_status", "delivery_attempts", "delivery_error"]
    ]


@hooks.register("register_admin_viewset")
def register_expert_notices():
    return ExpertNoticeViewSet("expert_notices")


# The editors' tools for the experts' own profiles (testimonials.admin_views), under one "Expert directory" menu
# that moderators, editors and superusers see.
@hooks.register("register_admin_urls")
def register_expert_directory_urls():
    return [
        path(
            "expert-directory/to-review/", PendingSignupsView.as_view(), name="testimonials_pending_signups"
        ),
        path("expert-directory/merge-topics/", MergeTopicsView.as_view(), name="testimonials_merge_topics"),
        path("expert-directory/coverage/", ExpertCoverageView.as_view(), name="testimonials_expert_coverage"),
    ]


def expert_directory_menu():
    return Menu(
        items=[
            EditorialReportMenuItem(
                _("Profiles to review"), reverse("testimonials_pending_signups"), icon_name="user", order=1
            ),
            EditorialReportMenuItem(
                _("Merge expertise topics"), reverse("testimonials_merge_topics"), icon_name="tag", order=2
            ),
            EditorialReportMenuItem(
                _("Experts per area, region and language"),
                reverse("testimonials_expert_coverage"),
                icon_name="group",
                order=3,
            ),
        ]
    )


@hooks.register("register_admin_menu_item")
def register_expert_directory_menu():
    return SubmenuMenuItem(_("Expert directory"), expert_directory_menu(), icon_name="user", order=294)
