"""nginx sends the bytes of documents that Wagtail's document view has allowed: a SENDFILE_BACKEND for
`wagtail.utils.sendfile` (the documented `serve_view` method of WAGTAILDOCS_SERVE_METHOD).

The view checks the collection's privacy restriction, then `sendfile()` asks this backend for a response: an
empty one whose X-Accel-Redirect header names the file under SENDFILE_URL, an `internal` location of
deploy/nginx.conf that maps SENDFILE_URL to SENDFILE_ROOT. nginx answers the visitor with the file and the
headers it copies from this response (Content-Type, Content-Disposition). Configured in production.py."""

import os
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse


class AccelRedirectResponse(HttpResponse):
    """An empty body for nginx to replace with the file. `sendfile()` sets Content-Length (the file's size) and
    Content-Encoding (None when there is none) after the backend returns: they describe the file, not this body,
    so they are left out (nginx sends its own for the file; Django counts this empty body)."""

    def __setitem__(self, header, value):
        if value is None or header.lower() == "content-length":
            return
        super().__setitem__(header, value)


def accel_redirect_url(filename):
    """The internal URL of `filename` (an absolute path under SENDFILE_ROOT), percent-encoded as nginx expects."""
    root = os.path.abspath(settings.SENDFILE_ROOT)
    path = os.path.abspath(filename)
    if os.path.commonpath([root, path]) != root:
        raise ImproperlyConfigured(f"{filename} is outside SENDFILE_ROOT ({root}): nginx cannot send it.")
    relative = os.path.relpath(path, root).replace(os.sep, "/")
    return quote(settings.SENDFILE_URL.rstrip("/") + "/" + relative)


def sendfile(request, filename, **kwargs):
    response = AccelRedirectResponse()
    response["X-Accel-Redirect"] = accel_redirect_url(filename)
    return response
