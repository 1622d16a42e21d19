"""gunicorn settings for production: `gunicorn -c bdt_site/gunicorn.conf.py bdt_site.wsgi`.

Environment: WEB_CONCURRENCY (workers; default 2 x cores + 1, at most 9), GUNICORN_THREADS (default 4),
PORT or GUNICORN_BIND (default 127.0.0.1:8000), GUNICORN_TIMEOUT (default 30 s)."""

import multiprocessing
import os

wsgi_app = "bdt_site.wsgi:application"
bind = os.environ.get("GUNICORN_BIND") or f"127.0.0.1:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY") or min(2 * multiprocessing.cpu_count() + 1, 9))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so a slow leak never takes the site down.
max_requests = 5000
max_requests_jitter = 500
# Behind nginx on the same host: trust its X-Forwarded-* headers.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'
