from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-only-key-not-secret"  # noqa: S105 - used only by the test suite
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "test-media")  # noqa: F405
SERVE_MEDIA = True
ALLOWED_HOSTS = ["*"]
WAGTAILADMIN_BASE_URL = "http://testserver"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Query-count tests must measure the real work; tests of the page cache and of cached listing and search
# results turn them on for themselves.
PAGE_CACHE_SECONDS = 0
RESULTS_CACHE_SECONDS = 0
# Every search is counted at once (search/stats.py keeps 50 in memory by default), so tests see their own.
SEARCH_STATS_FLUSH_HITS = 1
