"""/healthz for load balancers and monitoring: is the database answering, and the search engine?"""

import time

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

SEARCH_PING_TIMEOUT = 2  # seconds: a health check must answer fast even when the engine hangs


def _database_status():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any failure means "not healthy"
        return "error"
    return "ok"


def _search_status():
    if getattr(settings, "SEARCH_BACKEND", "database") == "database":
        return "not-configured"
    import urllib.error
    import urllib.request

    url = settings.SEARCH_URL.rstrip("/") + "/"
    try:
        with urllib.request.urlopen(url, timeout=SEARCH_PING_TIMEOUT) as response:  # noqa: S310 - URL from settings
            return "ok" if response.status < 500 else "error"
    except (OSError, ValueError, urllib.error.URLError):
        return "error"


@never_cache
@require_GET
def healthz(request):
    started = time.monotonic()
    database = _database_status()
    search = _search_status()
    healthy = database == "ok"
    body = {
        "status": "ok" if healthy and search != "error" else ("degraded" if healthy else "error"),
        "database": database,
        "search": search,
        "duration_ms": round((time.monotonic() - started) * 1000, 1),
    }
    return JsonResponse(body, status=200 if healthy else 503)
