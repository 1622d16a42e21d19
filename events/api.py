"""What the read API (home/api.py) offers for events: the facets of the events listing, the start date, and
how a page of results is loaded."""

from home.api import ModelAPI

from .listing import EventListing
from .models import EventPage


class EventAPI(ModelAPI):
    model = EventPage
    facets = EventListing.facets
    date_lookup = "start__date"  # the day it starts, in the site's time zone
    lookups = ["organisers", "audiences", "topics", "speakers__person"]
    translated = ["organisers", "speakers.person"]
