from .choices import Facility, FundingType, InitiativeKind, TimelineStatus
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
