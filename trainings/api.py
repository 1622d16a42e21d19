"""What the read API (home/api.py) offers for trainings and initiatives: the facets of their listings, the
trainings' session dates, and how a page of results is loaded."""

from home.api import ModelAPI

from .listing import InitiativeListing, TrainingListing
from .models import InitiativePage, TrainingPage


class TrainingAPI(ModelAPI):
    model = TrainingPage
    facets = TrainingListing.facets
    date_lookup = "sessions__start_date"  # a training with a session starting in the range
    lookups = ["provider", "competence_areas", "target_groups", "sessions"]
    translated = ["provider"]


class InitiativeAPI(ModelAPI):
    model = InitiativePage
    facets = InitiativeListing.facets
    lookups = [
        "target_groups",
        "regions",
        "strategic_objectives",
        "organisations__organisation",
        "timeline",
        "outcomes",
        "links",
    ]
    translated = ["organisations.organisation"]
