"""Rate limits of the public forms, the page-password form and the password reset (the logins themselves are
django-axes' job, see bdt_site/throttling.py).

Counters live in the cache alias "ratelimit" (settings.RATELIMIT_CACHE): a database table shared by every
worker, apart from the local-memory cache of pages and listings, so no amount of page traffic can push them
out. One attempt takes one "slot" key with cache.add(), which is atomic on every backend (an INSERT on the
table, SET NX on Redis): at most `limit` attempts are admitted in any `window_seconds`, also when many arrive at
the same moment. django-ratelimit (4.1, July 2023) was not used: it rejects the database cache in its system
check and counts with add()+incr(), which is not atomic there, and it does not declare Django 5 support.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import caches
from django.template.response import TemplateResponse
from django.utils.translation import ngettext

from home.forms import strip_format_characters

logger = logging.getLogger(__name__)


def client_address(request):
    """The client's IP address (REMOTE_ADDR; a trusted proxy sets it, see the nginx configuration)."""
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def normalized_email(value):
    """One key per mailbox: lower case; invisible characters, surrounding spaces and a "+tag" in the local part
    removed."""
    value = strip_format_characters(value or "").strip().lower()[:254]
    local, at, domain = value.rpartition("@")
    if not at or not local or not domain:
        return value
    return f"{local.split('+', 1)[0] or local}@{domain}"


def _cache():
    return caches[getattr(settings, "RATELIMIT_CACHE", "ratelimit")]


def _slots(scope, key, limit):
    digest = hashlib.sha256(f"{scope}:{key}".encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return [f"ratelimit:{digest}:{n}" for n in range(max(limit, 0))]


def exhausted(scope, key, limit):
    """True when `limit` attempts for (scope, key) are already counted within their window (counts nothing)."""
    slots = _slots(scope, key, limit)
    return len(_cache().get_many(slots)) >= len(slots)


def allow(scope, key, limit, window_seconds):
    """Count one attempt for (scope, key); False (and nothing counted) once `limit` attempts happened in the
    last `window_seconds`."""
    slots = _slots(scope, key, limit)
    if not slots:
        return False
    cache = _cache()
    taken = cache.get_many(slots)
    for slot in slots:
        if slot not in taken and cache.add(slot, 1, window_seconds):
            return True
    # Every free slot went to a request running at the same moment, or the store could not be written to
    # (the database cache then answers add() with False, as for a taken slot): only full slots refuse.
    if len(cache.get_many(slots)) < len(slots):
        logger.warning("Rate limit %s: could not count an attempt, let through", scope)
        return True
    return False


def allow_all(*rules):
    """Count one attempt against each (scope, key, limit, window_seconds) rule whose key is not empty; False,
    and nothing counted, when any of them is already at its limit."""
    rules = [rule for rule in rules if rule[1]]
    if any(exhausted(scope, key, limit) for scope, key, limit, _window in rules):
        return False
    counted = [allow(*rule) for rule in rules]  # every rule counts, even after one refused
    return all(counted)


def allow_form_post(request, scope, email_field, limit, window_seconds):
    """Count one post of a public form that sends e-mail, per client address (scope `scope`) and per mailbox
    typed in `email_field` (scope `<scope>-email`, so many addresses cannot mail-bomb one person); False once
    either has posted `limit` times within `window_seconds`."""
    return allow_all(
        (scope, client_address(request), limit, window_seconds),
        (f"{scope}-email", normalized_email(request.POST.get(email_field)), limit, window_seconds),
    )


def retry_minutes(retry_after):
    return max(1, (retry_after + 59) // 60)


def form_message(retry_after):
    """For a form shown again at status 429 with what the visitor typed."""
    minutes = retry_minutes(retry_after)
    return ngettext(
        "You have sent this form too many times. What you typed has been kept: please send it again in "
        "%(minutes)s minute.",
        "You have sent this form too many times. What you typed has been kept: please send it again in "
        "%(minutes)s minutes.",
        minutes,
    ) % {"minutes": minutes}


def too_many_requests(request, retry_after=600, message="", template="429.html", context=None):
    """A translated 429 answer: the 429 page (with `message` as its lead when given), or `template` with
    `context`, e.g. a form shown again with what the visitor typed (nothing is stored)."""
    context = {"retry_minutes": retry_minutes(retry_after), "message": message, **(context or {})}
    response = TemplateResponse(request, template, context, status=429)
    response["Retry-After"] = str(retry_after)
    return response
