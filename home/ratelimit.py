"""A small fixed-window rate limiter on the cache, shared by every public form and the admin login."""

import hashlib

from django.core.cache import cache
from django.template.response import TemplateResponse


def client_address(request):
    """The client's IP address (REMOTE_ADDR; a trusted proxy sets it, see the nginx configuration)."""
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def allow(scope, key, limit, window_seconds):
    """Count one attempt for (scope, key); False once more than `limit` happened in the current window."""
    digest = hashlib.sha256(f"{scope}:{key}".encode()).hexdigest()[:32]
    cache_key = f"ratelimit:{digest}"
    if cache.add(cache_key, 1, window_seconds):
        return limit >= 1
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add() and incr()
        cache.add(cache_key, 1, window_seconds)
        count = 1
    return count <= limit


def too_many_requests(request, retry_after=600):
    """A translated 429 page that keeps the visitor's input out of harm's way (nothing is stored)."""
    response = TemplateResponse(request, "429.html", {"retry_minutes": max(1, retry_after // 60)}, status=429)
    response["Retry-After"] = str(retry_after)
    return response
