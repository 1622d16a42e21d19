from .contact import ContactPurpose, ContactRequest
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
    "Sector",
    "TestimonialIndexPage",
    "TestimonialPage",
    "TestimonialPageCareerStep",
    "TestimonialPageTag",
]
