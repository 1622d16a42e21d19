"""/healthz, as a load balancer or an on-call operator uses it."""

from unittest import mock

import pytest
from django.test import override_settings

from tests.servers import free_port

pytestmark = pytest.mark.django_db


def test_healthy_site_reports_ok_with_the_database_search(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == "ok"
    assert body["search"] == "not-configured"


def test_health_is_never_cached(client):
    response = client.get("/healthz")
    assert "no-cache" in response["Cache-Control"]
    assert "X-Accel-Expires" not in response  # nor kept by nginx (bdt_site.middleware.EdgeCacheMiddleware)


def test_database_down_answers_503(client):
    from django.db.backends.base.base import BaseDatabaseWrapper

    with mock.patch.object(BaseDatabaseWrapper, "cursor", side_effect=Exception("connection refused")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "error"
    assert response.json()["status"] == "error"


@override_settings(SEARCH_BACKEND="opensearch2")
def test_a_stopped_search_engine_is_reported_but_the_site_stays_up(client, settings):
    settings.SEARCH_URL = f"http://127.0.0.1:{free_port()}"
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["search"] == "error"
    assert response.json()["status"] == "degraded"


def test_a_running_search_engine_is_reported_ok(client, settings):
    import http.server
    import threading

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's API
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b'{"cluster_name": "test"}')

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        settings.SEARCH_BACKEND = "opensearch2"
        settings.SEARCH_URL = f"http://127.0.0.1:{server.server_address[1]}"
        body = client.get("/healthz").json()
    finally:
        server.shutdown()
        server.server_close()
    assert body == {**body, "search": "ok", "status": "ok", "database": "ok"}


def test_health_only_answers_get(client):
    assert client.post("/healthz").status_code == 405
