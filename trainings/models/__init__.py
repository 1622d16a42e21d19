from .choices import Facility, FundingType, InitiativeKind, TimelineStatus
from .fields import ChoiceSetField
from .pages import (
    InitiativeIndexPage,
    InitiativePage,
    InitiativePageLink,
    InitiativePageOrganisation,
    InitiativePageOutcome,
    InitiativePageTimelineEntry,
    TrainingCatalogPage,
    TrainingPage,
    TrainingPageSession,
)

__all__ = [
    "ChoiceSetField",
    "Facility",
    "FundingType",
    "InitiativeIndexPage",
    "InitiativeKind",
    "InitiativePage",
    "InitiativePageLink",
    "InitiativePageOrganisation",
    "InitiativePageOutcome",
    "InitiativePageTimelineEntry",
    "TimelineStatus",
    "TrainingCatalogPage",
    "TrainingPage",
    "TrainingPageSession",
]
