"""Uploaded media on the local disk, never half-written, and a clear message when the disk refuses a file.

`MediaStorage` (STORAGES["default"], base.py) writes each upload to a hidden temporary file next to its target,
syncs it to disk, then links it under its final name: a full disk, a quota or a read-only mount leaves nothing
behind, neither under the final name nor as the temporary file, and raises a `MediaStorageError` (an OSError)
instead. `MediaStorageErrorMiddleware` turns that error into the editor's message, in her language: on the form
she came from (a redirect) or as the JSON error Wagtail's uploaders show. The image form also checks the room
before it accepts a file (home.forms.VerifiedImageForm), so the usual case is a form error."""

import contextlib
import errno
import os
import secrets
import shutil

from django.contrib import messages
from django.core.files.storage import FileSystemStorage
from django.http import HttpResponseRedirect, JsonResponse
from django.utils import translation
from django.utils._os import safe_makedirs
from django.utils.translation import gettext_lazy as _

# Room kept free besides the file itself: the renditions of a new image are written right after it.
FREE_SPACE_RESERVE = 16 * 1024 * 1024
FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}
# link() is not supported by every file system; the file is then renamed into place instead.
NO_HARD_LINKS_ERRNOS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.EXDEV}


class MediaStorageError(OSError):
    message = _(
        "The file could not be stored on the server, so nothing was saved. Please try again later; if it "
        "happens again, tell the site's administrators."
    )


class MediaStorageFullError(MediaStorageError):
    message = _(
        "The file could not be stored: the server's disk for uploaded files is full, so nothing was saved. "
        "Please tell the site's administrators."
    )


class MediaStorageReadOnlyError(MediaStorageError):
    message = _(
        "The file could not be stored: the server's storage for uploaded files is read-only, so nothing was "
        "saved. Please tell the site's administrators."
    )


def storage_error(exc, path=None):
    """The MediaStorageError for an OSError of the file system."""
    if exc.errno in FULL_ERRNOS:
        error_class = MediaStorageFullError
    elif exc.errno in READ_ONLY_ERRNOS:
        error_class = MediaStorageReadOnlyError
    else:
        error_class = MediaStorageError
    return error_class(exc.errno, exc.strerror or str(exc), path or exc.filename)


class MediaStorage(FileSystemStorage):
    def check_room(self, size):
        """Raise a MediaStorageError unless `size` more bytes can be written now (besides the reserve)."""
        path = os.path.abspath(self.location)
        while not os.path.isdir(path) and os.path.dirname(path) != path:
            path = os.path.dirname(path)
        if not os.access(path, os.W_OK):
            raise MediaStorageReadOnlyError(errno.EROFS, os.strerror(errno.EROFS), path)
        try:
            free = shutil.disk_usage(path).free
        except OSError as exc:
            raise storage_error(exc, path) from exc
        if free < size + FREE_SPACE_RESERVE:
            raise MediaStorageFullError(errno.ENOSPC, os.strerror(errno.ENOSPC), path)

    def _save(self, name, content):
        full_path = self.path(name)
        directory = os.path.dirname(full_path)
        staged = os.path.join(directory, f".upload-{secrets.token_hex(8)}.part")
        try:
            if self.directory_permissions_mode is not None:
                safe_makedirs(directory, self.directory_permissions_mode, exist_ok=True)
            else:
                os.makedirs(directory, exist_ok=True)
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
            with open(os.open(staged, flags, 0o666), "wb") as out:
                if hasattr(content, "temporary_file_path"):
                    with open(content.temporary_file_path(), "rb") as source:
                        shutil.copyfileobj(source, out, 1024 * 1024)
                else:
                    for chunk in content.chunks():
                        out.write(chunk if isinstance(chunk, bytes) else chunk.encode())
                out.flush()
                os.fsync(out.fileno())  # a full disk may only say so now
            full_path = self._publish(staged, name)
        except MediaStorageError:
            raise
        except OSError as exc:
            raise storage_error(exc, full_path) from exc
        finally:
            with contextlib.suppress(OSError):
                os.unlink(staged)
        if self.file_permissions_mode is not None:
            os.chmod(full_path, self.file_permissions_mode)
        self._ensure_location_group_id(full_path)
        return os.path.relpath(full_path, self.location).replace("\\", "/")

    def _publish(self, staged, name):
        """Give the complete staged file its final name (a new one if taken meanwhile); returns its path."""
        while True:
            full_path = self.path(name)
            try:
                if getattr(self, "_allow_overwrite", False):
                    os.replace(staged, full_path)
                else:
                    os.link(staged, full_path)  # never replaces a file that exists
                return full_path
            except FileExistsError:
                name = self.get_available_name(name)
            except OSError as exc:
                if exc.errno not in NO_HARD_LINKS_ERRNOS or os.path.exists(full_path):
                    raise
                os.rename(staged, full_path)
                return full_path


class MediaStorageErrorMiddleware:
    """A MediaStorageError raised by a view (the upload was refused by the disk) becomes a message for the user,
    in her language (the admin's preferred language for editors): Wagtail's JSON error for its uploaders, or the
    page she came from with the message, instead of a server error."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, MediaStorageError):
            return None
        with translation.override(_language_for(request)):
            message = str(exception.message)
        xhr = request.headers.get("x-requested-with") == "XMLHttpRequest"
        if xhr or "json" in request.headers.get("accept", ""):
            return JsonResponse({"success": False, "error_code": "storage_error", "error_message": message})
        messages.error(request, message)
        return HttpResponseRedirect(request.get_full_path(), status=303)


def _language_for(request):
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        with contextlib.suppress(Exception):  # no profile, or the database refuses: the request's language
            profile = user.wagtail_userprofile  # already loaded by Wagtail's admin views for their language
            return profile.get_preferred_language()
    return translation.get_language()
