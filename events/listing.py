"""The events listing, declared for the listing engine (home.listing): upcoming or past, its facets and
its cards."""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from home.languages import language_choices
from home.listing import CaseFacet, ChoiceFacet, ListFacet, Listing, TermFacet, TermsFacet
from home.localization import localized
from home.models import Region, TargetGroup

from .models import EventKind, EventPage, EventSettings


def when_cases(listing):
    """Upcoming: not ended at the listing's moment; past: ended before it."""
    return [
        ("upcoming", _("Upcoming events"), Q(end__gte=listing.now)),
        ("past", _("Past events"), Q(end__lt=listing.now)),
    ]


class EventListing(Listing):
    model = EventPage
    index_model = "events.EventIndexPage"
    sorts = [("start", _("start"))]  # by start: soonest first when upcoming, latest first when past
    clear_label = ""
    show_counts = False
    count_text = ngettext_lazy("%(counter)s event", "%(counter)s events", "counter")
    empty_text = _("No events match these filters.")

    def __init__(self, request, index_page, per_page=None):
        # to the minute, so that the counts and result ids are shared by the requests of that minute
        self.now = timezone.now().replace(second=0, microsecond=0)
        super().__init__(request, index_page, per_page)

    facets = [
        CaseFacet("when", _("When"), when_cases, widget="radio", default="upcoming"),
        ChoiceFacet("kind", _("Kind of event"), "kind", EventKind.choices),
        TermFacet("region", _("Region"), "region", Region),
        ListFacet("language", _("Language"), "languages", language_choices),
        TermsFacet("audience", _("For whom"), "audiences", TargetGroup),
    ]

    def moment(self):
        return self.now

    @property
    def past(self):
        return self.selected["when"] == ["past"]

    def prepare(self, queryset):
        return queryset.select_related("region", "locale").prefetch_related("speakers")

    def order(self, queryset):
        return queryset.order_by("-start", "-pk") if self.past else queryset.order_by("start", "pk")

    def decorate(self, items):
        """Attach `card` to each event: its panel balance and level, and active-language region (no query)."""
        balanced_share = EventSettings.balanced_share(self.request)
        for event in items:
            balance = event.balance(balanced_share)
            event.card = {
                "event": event,
                "balance": balance,
                "panel_level": event.panel_level(balance),
                "region": localized(event, "region"),
            }
        return items
