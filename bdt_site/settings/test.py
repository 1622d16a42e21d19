from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-only-key-not-secret"  # noqa: S105 - used only by the test suite
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Outside a test that sets them: e-mails in memory, tasks run at once. The tests of the real task worker
# (tests/test_tasks*.py) run it in a process of its own with TEST_TASKS_BACKEND and TEST_EMAIL_BACKEND.
EMAIL_BACKEND = env.str("TEST_EMAIL_BACKEND", default="django.core.mail.backends.locmem.EmailBackend")
TASKS = {
    **TASKS,  # noqa: F405
    "background": {
        "BACKEND": env.str("TEST_TASKS_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend")
    },
}
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
# On PostgreSQL, test databases are copies of TEST_DATABASE_TEMPLATE when scripts/test.sh names one (a database
# it migrates once; Django then only checks the migrations), instead of being migrated one by one.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"]["TEST"] = {"TEMPLATE": env.str("TEST_DATABASE_TEMPLATE", default="") or None}  # noqa: F405
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "test-media")  # noqa: F405
SERVE_MEDIA = True
ALLOWED_HOSTS = ["*"]
WAGTAILADMIN_BASE_URL = "http://testserver"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# The test process is one process: its cache is its own memory, apart from other test sessions and
# checkouts. Servers a test starts with several processes pass CACHE_URL (a directory of their own).
CACHES = {**CACHES, "default": env.cache_url("CACHE_URL", default="locmemcache://bdt-tests")}  # noqa: F405
# Query-count tests must measure the real work; tests of cached listing and search results turn it on.
RESULTS_CACHE_SECONDS = 0
# Every counted search is written at once (search/stats.py), so tests read it back straight away.
SEARCH_STATS_FLUSH_HITS = 1
