"""The signed links of the expert sign-up (django.core.signing.TimestampSigner): the confirmation link of a
sign-up (valid CONFIRM_MAX_AGE) and the self-service link naming her page (valid PROFILE_MAX_AGE; she can ask
for a fresh one with her address). A link is refused when its signature does not match (tampered) or when it
is too old (expired).

The signed value ("id:timestamp:signature") is written in URL-safe base64, since Wagtail's page URLs only allow
letters, digits, "_" and "-" in a path segment."""

from django.conf import settings
from django.core.signing import BadSignature, SignatureExpired, TimestampSigner
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

CONFIRM_SALT = "testimonials.expert-signup.confirm"
PROFILE_SALT = "testimonials.expert-profile"
CONFIRM_MAX_AGE = getattr(settings, "EXPERT_CONFIRM_MAX_AGE", 48 * 3600)  # seconds
PROFILE_MAX_AGE = getattr(settings, "EXPERT_PROFILE_LINK_MAX_AGE", 30 * 86400)  # seconds

EXPIRED = "expired"
INVALID = "invalid"


def for_url(signed):
    return urlsafe_base64_encode(signed.encode())


def confirmation_token(signup):
    return for_url(TimestampSigner(salt=CONFIRM_SALT).sign(str(signup.pk)))


def profile_token(page_id):
    return for_url(TimestampSigner(salt=PROFILE_SALT).sign(str(page_id)))


def _read(salt, token, max_age):
    """(id, None) for a good token, or (None, EXPIRED or INVALID)."""
    try:
        value = TimestampSigner(salt=salt).unsign(urlsafe_base64_decode(token).decode(), max_age=max_age)
    except SignatureExpired:
        return None, EXPIRED
    except (BadSignature, ValueError):  # ValueError: not base64, or not text
        return None, INVALID
    return (int(value), None) if value.isdigit() else (None, INVALID)


def read_confirmation(token):
    return _read(CONFIRM_SALT, token, CONFIRM_MAX_AGE)


def read_profile(token):
    return _read(PROFILE_SALT, token, PROFILE_MAX_AGE)
