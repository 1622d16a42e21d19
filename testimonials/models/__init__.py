from .contact import ContactPurpose, ContactRequest
from .pages import (
    CONSENT_REQUIRED,
    LanguageCodesField,
    Sector,
    TestimonialIndexPage,
    TestimonialPage,
    TestimonialPageCareerStep,
    TestimonialPageTag,
    speaks_any,
)

__all__ = [
    "CONSENT_REQUIRED",
    "ContactPurpose",
    "ContactRequest",
    "LanguageCodesField",
    "Sector",
    "TestimonialIndexPage",
    "TestimonialPage",
    "TestimonialPageCareerStep",
    "TestimonialPageTag",
    "speaks_any",
]
