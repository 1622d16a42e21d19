"""Every way in is throttled.

- Logins: django-axes watches every Django authenticate() call (the Wagtail admin login, Wagtail's public login
  for restricted pages at /<lang>/_util/login/, the Django admin) and keeps its counters in the database
  (settings AXES_*): per user name and per client address, each on its own.
- Page passwords (Wagtail's form for password-restricted pages) and the admin's password reset: the views below,
  counted by home.ratelimit in its own cache table.
All of them answer 429 with a translated page, keeping what the visitor typed where that makes sense.
"""

import ipaddress

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import ngettext
from wagtail import views as wagtail_views
from wagtail.admin.views import account

from home.ratelimit import (
    allow_all,
    client_address,
    exhausted,
    normalized_email,
    retry_minutes,
    too_many_requests,
)

# --- Logins (django-axes) --------------------------------------------------------------------------------


def axes_client_address(request):
    """AXES_CLIENT_IP_CALLABLE: the address home.ratelimit counts, or None when it is not an IP address
    (axes stores it in an IP address column)."""
    address = client_address(request)
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


class AxesHandler(AxesDatabaseHandler):
    """Axes' database handler, except that a successful login forgives only the failures of that user name
    from that address. The stock handler would delete every failure from the address (whatever the user name)
    and of the user name (from anywhere): whoever has one account could then wipe the counters filled while
    guessing someone else's password, and a visitor logging in would reset an attack on her own account."""

    def reset_user_attempts(self, request, credentials=None):
        username = get_client_username(request, credentials)
        count, _ = AccessAttempt.objects.filter(
            username=username, ip_address=request.axes_ip_address
        ).delete()
        return count


def login_message(retry_after):
    minutes = retry_minutes(retry_after)
    return ngettext(
        "Too many failed sign-in attempts for this account or from your connection. Please try again in "
        "%(minutes)s minute.",
        "Too many failed sign-in attempts for this account or from your connection. Please try again in "
        "%(minutes)s minutes.",
        minutes,
    ) % {"minutes": minutes}


def login_locked_out(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the translated 429 page with a sign-in form that keeps the typed user name
    (passwords are not checked until the cool-off ends). Called by AxesMiddleware, so rendered here."""
    cool_off = get_cool_off(request)
    retry_after = int(cool_off.total_seconds()) if cool_off else 3600
    username = (get_client_username(request, credentials) or "")[:150]
    context = {
        "login_form": AuthenticationForm(request, initial={"username": username}),
        "login_action": request.path,
        "login_next": request.POST.get("next", "")[:2000],
    }
    response = too_many_requests(request, retry_after, message=login_message(retry_after), context=context)
    return response.render()


# --- Page passwords --------------------------------------------------------------------------------------


def page_password_message(retry_after):
    minutes = retry_minutes(retry_after)
    return ngettext(
        "Too many wrong passwords for this page. Please try again in %(minutes)s minute.",
        "Too many wrong passwords for this page. Please try again in %(minutes)s minutes.",
        minutes,
    ) % {"minutes": minutes}


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's page-password form (same URL and name), with wrong guesses limited: once
    PAGE_PASSWORD_MAX_FAILURES wrong passwords came from one client address, or
    PAGE_PASSWORD_MAX_FAILURES_PER_PAGE for one restricted page, within PAGE_PASSWORD_WINDOW seconds, 429 without
    checking the password."""
    if request.method != "POST":
        return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    window = settings.PAGE_PASSWORD_WINDOW
    rules = [
        ("page-password", client_address(request), settings.PAGE_PASSWORD_MAX_FAILURES, window),
        (
            "page-password-restriction",
            str(page_view_restriction_id),
            settings.PAGE_PASSWORD_MAX_FAILURES_PER_PAGE,
            window,
        ),
    ]
    if any(exhausted(scope, key, limit) for scope, key, limit, _window in rules):
        return too_many_requests(request, window, message=page_password_message(window))
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if response.status_code == 200:  # the form again: a wrong password
        allow_all(*rules)
    return response


# --- Password reset --------------------------------------------------------------------------------------


def password_reset_message(retry_after):
    minutes = retry_minutes(retry_after)
    return ngettext(
        "Too many password reset requests for this e-mail address or from your connection. Please try again in "
        "%(minutes)s minute.",
        "Too many password reset requests for this e-mail address or from your connection. Please try again in "
        "%(minutes)s minutes.",
        minutes,
    ) % {"minutes": minutes}


class PasswordResetView(account.PasswordResetView):
    """The admin's password reset (same URL and name), limited to PASSWORD_RESETS_PER_HOUR requests per client
    address and per e-mail address; past that, the form again with the typed address, at status 429, and no
    e-mail. The answer never tells whether an account has that address."""

    def post(self, request, *args, **kwargs):
        limit, window = settings.PASSWORD_RESETS_PER_HOUR, 3600
        email = normalized_email(request.POST.get("email"))
        if allow_all(
            ("password-reset", client_address(request), limit, window),
            ("password-reset-email", email, limit, window),
        ):
            return super().post(request, *args, **kwargs)
        form = self.get_form()
        form.add_error(None, password_reset_message(window))
        response = self.render_to_response(self.get_context_data(form=form), status=429)
        response["Retry-After"] = str(window)
        return response
