from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

from events import partner_privacy  # noqa: F401 - partners see only their own pages in the admin
from events.models import (
    BalanceLevel,
    EventKind,
    EventPage,
    EventSettings,
    EventSubmission,
    PanelBalance,
    PartnerNotice,
)
from home.admin_reports import EditorialReportMenuItem, EditorialReportView, report_urls
from home.delivery_admin import ResendDeliveryViewSetMixin


@dataclass
class BalanceRow:
    page: EventPage
    balance: PanelBalance

    @property
    def title(self):
        return self.page.title

    @property
    def edit_url(self):
        return reverse("wagtailadmin_pages:edit", args=[self.page.pk])

    @property
    def language(self):
        return self.page.locale.get_display_name()

    @property
    def start(self):
        return date_format(timezone.localtime(self.page.start), "DATETIME_FORMAT")

    @property
    def balance_text(self):
        return self.balance.sentence()

    @property
    def share(self):
        return f"{self.balance.share}%"

    @property
    def verdict(self):
        return self.balance.verdict


# Worst first: the order in which BalanceLevel declares its levels.
LEVEL_ORDER = {level: position for position, level in enumerate(BalanceLevel)}


def panel_balance_rows(balanced_share=None, now=None):
    """Upcoming panels with their balance, worst first (failing, then meeting the minimum, then balanced; by
    share of women within each level)."""
    if balanced_share is None:
        balanced_share = EventSettings.balanced_share()
    pages = (
        EventPage.objects.filter(kind=EventKind.PANEL, end__gte=now or timezone.now())
        .select_related("locale")
        .prefetch_related("speakers")
        .order_by("start")
    )
    rows = [BalanceRow(page, page.balance(balanced_share)) for page in pages]
    rows.sort(
        key=lambda row: (LEVEL_ORDER[row.balance.level], row.balance.share, row.balance.women, row.page.start)
    )
    return rows


class PanelBalanceReportView(EditorialReportView):
    page_title = _("Panel balance")
    header_icon = "group"
    paginate_by = 50
    list_export = ["title", "language", "start", "balance_text", "share", "verdict"]
    export_headings = {
        "title": _("Event"),
        "language": _("Language"),
        "start": _("Start"),
        "balance_text": _("Speakers"),
        "share": _("Share of women"),
        "verdict": _("No Women No Panel"),
    }
    columns = [
        TitleColumn("title", label=_("Event"), url_name="wagtailadmin_pages:edit", id_accessor="page.pk"),
        Column("language", label=_("Language")),
        Column("start", label=_("Start")),
        Column("balance_text", label=_("Speakers")),
        Column("share", label=_("Share of women")),
        Column("verdict", label=_("No Women No Panel")),
    ]

    @property
    def header_buttons(self):
        """A link to its sibling report: where the directory of women experts is thin (testimonials)."""
        return [
            HeaderButton(
                _("Experts per area, region and language"),
                url=reverse("testimonials_expert_coverage"),
                icon_name="group",
            )
        ]

    def get_queryset(self):
        return panel_balance_rows(EventSettings.balanced_share(self.request))


@hooks.register("register_admin_urls")
def register_panel_balance_urls():
    return report_urls("reports/panel-balance/", PanelBalanceReportView, "events_panel_balance")


@hooks.register("register_reports_menu_item")
def register_panel_balance_menu_item():
    return EditorialReportMenuItem(
        _("Panel balance"), reverse("events_panel_balance"), icon_name="group", order=900
    )


class EventSubmissionViewSet(ResendDeliveryViewSetMixin, ModelViewSet):
    """Editors see every submission with its e-mail delivery status (partners have no permission here) and
    resend failed e-mails. A plain record, not content: a ModelViewSet at /admin/event-submissions/."""

    model = EventSubmission
    url_prefix = "event-submissions"
    icon = "form"
    menu_label = _("Event submissions")
    menu_order = 310
    add_to_admin_menu = True
    list_display = [
        "reference",
        "event_title",
        "organisation",
        "language",
        "created_at",
        "delivery_status",
        "delivery_attempts",
    ]
    list_filter = ["delivery_status", "language", "panel_rule_waived"]
    search_fields = ["reference", "event_title", "organisation", "contact_name", "contact_email"]
    inspect_view_enabled = True
    copy_view_enabled = False
    ordering = ["-created_at"]


class PartnerNoticeViewSet(ResendDeliveryViewSetMixin, ModelViewSet):
    """What partners were told about their submissions (changes requested, published, rejected), with the
    e-mail delivery status; failed ones can be resent. At /admin/partner-notices/."""

    model = PartnerNotice
    url_prefix = "partner-notices"
    icon = "mail"
    menu_label = _("Partner notices")
    menu_order = 311
    add_to_admin_menu = True
    list_display = ["submission", "kind", "created_at", "delivery_status", "delivery_attempts"]
    list_filter = ["delivery_status", "kind"]
    search_fields = ["submission__reference", "submission__event_title", "comment"]
    inspect_view_enabled = True
    copy_view_enabled = False
    ordering = ["-created_at"]


@hooks.register("register_admin_viewset")
def register_event_submissions():
    return EventSubmissionViewSet("event_submissions")


@hooks.register("register_admin_viewset")
def register_partner_notices():
    return PartnerNoticeViewSet("partner_notices")
