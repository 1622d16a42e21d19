import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database (SQLite or PostgreSQL) starts with the demo content in four languages,
    loaded once per session outside any transaction, as `make run` does."""
    _in_memory_sqlite_begins_deferred()
    with django_db_blocker.unblock():
        call_command("load_demo_content", verbosity=0)


def _in_memory_sqlite_begins_deferred():
    """The settings begin SQLite transactions IMMEDIATE (concurrent writers on a file database, issue 11). The
    in-memory test database has a single connection shared by every thread, so nothing to wait for, while a
    test that copies it to a file for a real server (the backup API, inside its test transaction) would wait
    forever on the write lock an IMMEDIATE transaction takes. The servers started on such copies keep the
    real settings."""
    from django.db import connections

    for conn in connections.all():
        if conn.vendor == "sqlite" and conn.is_in_memory_db():
            conn.settings_dict.get("OPTIONS", {}).pop("transaction_mode", None)
            conn.transaction_mode = None


@pytest.fixture(autouse=True)
def _fresh_state():
    """Each test starts in English with an empty cache, whatever the previous request activated."""
    from django.core.cache import cache
    from django.utils import translation

    cache.clear()
    translation.activate("en")
    yield
    translation.deactivate()
    cache.clear()


@pytest.fixture
def locales(db):
    from wagtail.models import Locale

    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def home_pages(db):
    from home.models import HomePage

    return {home.locale.language_code: home for home in HomePage.objects.select_related("locale")}


@pytest.fixture
def editor_client(client, django_user_model):
    """The test client, logged in as a superuser ("editor")."""
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def localhost_client():
    """A test client whose requests name the host "localhost" (the demo site's hostname)."""
    from django.test import Client

    return Client(HTTP_HOST="localhost")
