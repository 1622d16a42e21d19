"""gunicorn settings for production: `gunicorn -c bdt_site/gunicorn.conf.py bdt_site.wsgi`.

Environment: WEB_CONCURRENCY (workers; default 2 x cores + 1, at most 9), GUNICORN_THREADS (default 1),
PORT or GUNICORN_BIND (default 127.0.0.1:8000), GUNICORN_TIMEOUT (default 30 s), GUNICORN_MAX_REQUESTS
(requests before a worker is recycled, default 100,000).

Sync workers by default: rendering a page is CPU-bound Python, and nginx in front (deploy/nginx.conf)
buffers slow clients, which is what sync workers assume. Threaded workers kept keep-alive connections on
whichever worker accepted them, so under load one process did most of the work while the other idled (the
training page: 74-80 req/s with 2 x 4 threads, 165 with 2 sync workers, `make bench`). GUNICORN_THREADS > 1
switches to threaded workers for deployments without a buffering proxy.

The application is loaded once, in the master, before the workers are forked (`preload_app`): a worker
starts in milliseconds instead of importing Django and Wagtail again (about 2 s of CPU each, at every start
and every recycling after GUNICORN_MAX_REQUESTS), and the workers share the loaded code's memory. A
connection the master may have opened while loading is closed in each new worker (`post_fork`), so that no
two processes ever talk over one socket. Code changes need a restart (systemctl restart), not a HUP."""

import multiprocessing
import os

wsgi_app = "bdt_site.wsgi:application"
bind = os.environ.get("GUNICORN_BIND") or f"127.0.0.1:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY") or min(2 * multiprocessing.cpu_count() + 1, 9))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
worker_class = "gthread" if threads > 1 else "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so a slow leak never takes the site down; not often, as a recycled worker
# starts with an empty local-memory cache (at 2,000 cached pages a second, 5,000 requests lasted 5 s).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "100000"))
max_requests_jitter = max_requests // 10
# Behind nginx on the same host: trust its X-Forwarded-* headers.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
access_log_format = '%(t)s %(p)s %(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'
preload_app = True


def post_fork(server, worker):
    """Drop, in the new worker, any database connection inherited from the master (the worker opens its own)."""
    from django.db import connections

    connections.close_all()
