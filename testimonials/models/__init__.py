from .contact import ContactPurpose, ContactRequest
from .experts import (
    CONSENT_TEXT,
    CONSENT_VERSION,
    ExpertDeletion,
    ExpertNotice,
    ExpertSignup,
    NoticeKind,
    open_to_of,
    set_open_to,
)
from .pages import (
    CONSENT_REQUIRED,
    Sector,
    TestimonialIndexPage,
    TestimonialPage,
    TestimonialPageCareerStep,
    TestimonialPageTag,
)

__all__ = [
    "CONSENT_REQUIRED",
    "ContactPurpose",
    "ContactRequest",
    "CONSENT_TEXT",
    "CONSENT_VERSION",
    "ExpertDeletion",
    "ExpertNotice",
    "ExpertSignup",
    "NoticeKind",
    "Sector",
    "TestimonialIndexPage",
    "TestimonialPage",
    "TestimonialPageCareerStep",
    "TestimonialPageTag",
    "open_to_of",
    "set_open_to",
]
