from .notices import EventApprovalTask, NoticeKind, PartnerNotice
from .pages import (
    BalanceLevel,
    EventIndexPage,
    EventKind,
    EventPage,
    EventPageExhibitor,
    EventPageSpeaker,
    Gender,
    PanelBalance,
    SpeakerRole,
    compute_balance,
)
from .settings import EventSettings
from .submissions import EventSubmission, new_reference

__all__ = [
    "BalanceLevel",
    "EventApprovalTask",
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "EventPageExhibitor",
    "EventPageSpeaker",
    "EventSettings",
    "EventSubmission",
    "Gender",
    "NoticeKind",
    "PanelBalance",
    "PartnerNotice",
    "SpeakerRole",
    "compute_balance",
    "new_reference",
]
