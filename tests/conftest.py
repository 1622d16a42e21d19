import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database (SQLite or PostgreSQL) starts with the demo content in four languages,
    loaded once per session outside any transaction, as `make run` does."""
    with django_db_blocker.unblock():
        call_command("load_demo_content", verbosity=0)


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
