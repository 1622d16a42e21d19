"""Every way in is throttled (issue 11, point 2): the public login of restricted pages, the admin login, the
page-password form, the password reset and the two forms that send e-mail answer 429 once past their limit,
per account or e-mail address and per client address, with a translated page that keeps what the visitor
typed where that makes sense; and the limits hold after a flood of anonymous page views, which used to push
the counters out of the shared local-memory cache."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache, caches
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageViewRestriction

from events.models import EventIndexPage, EventSubmission
from testimonials.models import ContactRequest
from tests.html import soup
from tests.test_events_submissions import form_data, submit_url
from tests.test_testimonials import VALID, contact_url

pytestmark = pytest.mark.django_db

PASSWORD = "right-password"  # noqa: S105 - test account


@pytest.fixture(autouse=True)
def no_counted_attempts():
    """Each test starts with nothing counted, also on PostgreSQL where the servers of earlier tests (the soak
    test's gunicorn) wrote their login failures and counters into the shared test database for good."""
    from axes.utils import reset

    reset()
    caches["ratelimit"].clear()


def flood_of_page_views():
    """What 6,000 anonymous page views leave in the default cache (5,000 entries at most): the entries that were
    there first are gone."""
    cache.set("flood:first", "page")
    for number in range(6000):
        cache.set(f"flood:{number}", "page")
    assert cache.get("flood:first") is None


def user(username, email=""):
    return get_user_model().objects.create_user(username, email or f"{username}@example.org", PASSWORD)


def admin_login(client, username, password, **extra):
    return client.post("/admin/login/", {"username": username, "password": password}, **extra)


def test_rate_limit_counters_live_in_their_own_database_table():
    from django.core.cache.backends.db import DatabaseCache

    assert isinstance(caches["ratelimit"], DatabaseCache)
    assert caches["ratelimit"]._table == "bdt_ratelimit"


# --- Public login of restricted pages (/<lang>/_util/login/, django-axes) ------------------------------


def test_public_login_locks_an_account_with_a_french_429_that_keeps_the_user_name(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    user("redactrice")
    url = "/fr/_util/login/"
    for number in (1, 2):  # from different addresses: the account is what is counted here
        response = client.post(
            url, {"username": "redactrice", "password": "wrong"}, REMOTE_ADDR=f"10.1.0.{number}"
        )
        assert response.status_code == 200
    blocked = client.post(url, {"username": "redactrice", "password": "wrong"}, REMOTE_ADDR="10.1.0.3")
    assert blocked.status_code == 429
    flood_of_page_views()
    # The right password from yet another address: not even checked while the account is locked.
    still = client.post(
        url, {"username": "redactrice", "password": PASSWORD, "next": "/fr/"}, REMOTE_ADDR="10.1.0.4"
    )
    assert still.status_code == 429
    assert int(still["Retry-After"]) == settings.LOGIN_COOLOFF_SECONDS
    assert "_auth_user_id" not in client.session
    html = still.content.decode()
    assert "Trop de tentatives" in html
    assert "Trop de tentatives de connexion échouées pour ce compte ou depuis votre adresse IP" in html
    page = soup(still)
    assert page.find("html")["lang"] == "fr"
    form = page.select_one("main form[method=post]") or page.select_one("form[method=post]")
    assert form["action"] == url
    assert form.find("input", attrs={"name": "username"})["value"] == "redactrice"
    assert not form.find("input", attrs={"name": "password"}).get("value")
    assert form.find("input", attrs={"name": "next"})["value"] == "/fr/"


def test_public_login_locks_a_client_address_whatever_the_user_names(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    user("someone")
    url = "/en/_util/login/"
    for name in ("alice", "bob"):
        assert client.post(url, {"username": name, "password": "guess"}).status_code == 200
    assert client.post(url, {"username": "carol", "password": "guess"}).status_code == 429
    flood_of_page_views()
    blocked = client.post(url, {"username": "someone", "password": PASSWORD})
    assert blocked.status_code == 429
    assert "Too many failed sign-in attempts" in blocked.content.decode()
    # The account itself is not locked: from another address it signs in.
    other = client.post(
        url, {"username": "someone", "password": PASSWORD, "next": "/en/"}, REMOTE_ADDR="10.2.0.9"
    )
    assert other.status_code == 302
    assert other["Location"] == "/en/"


# --- Admin login (django-axes) ---------------------------------------------------------------------------


def test_repeated_failed_admin_logins_get_a_translated_429(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    get_user_model().objects.create_superuser("target", "t@example.org", PASSWORD)
    get_user_model().objects.create_superuser("colleague", "c@example.org", PASSWORD)
    for _ in range(2):
        assert admin_login(client, "target", "wrong").status_code == 200
    blocked = admin_login(client, "target", "wrong", HTTP_ACCEPT_LANGUAGE="fr")
    assert blocked.status_code == 429
    assert "Trop de tentatives" in blocked.content.decode()
    assert int(blocked["Retry-After"]) > 0
    assert soup(blocked).find("input", attrs={"name": "username"})["value"] == "target"
    flood_of_page_views()
    # Even the right password is not checked while blocked, from this address or another one.
    assert admin_login(client, "target", PASSWORD).status_code == 429
    assert admin_login(client, "target", PASSWORD, REMOTE_ADDR="10.0.0.9").status_code == 429
    # Another account from another address is not affected.
    assert admin_login(client, "colleague", PASSWORD, REMOTE_ADDR="10.0.0.9").status_code == 302


def test_a_successful_login_is_not_counted(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    get_user_model().objects.create_superuser("honest", "h@example.org", "pw")
    for _ in range(5):
        response = admin_login(client, "honest", "pw")
        assert response.status_code == 302
        client.logout()


def test_a_correct_login_after_fewer_failures_works_and_forgets_them(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    get_user_model().objects.create_superuser("typo", "typo@example.org", PASSWORD)
    for _ in range(2):
        assert admin_login(client, "typo", "wrong").status_code == 200
    assert admin_login(client, "typo", PASSWORD).status_code == 302
    client.logout()
    for _ in range(2):  # counted from zero again: two more mistakes are not a lock-out
        assert admin_login(client, "typo", "wrong").status_code == 200
    assert admin_login(client, "typo", PASSWORD).status_code == 302


def test_a_login_with_one_account_does_not_wipe_the_failures_of_another(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    get_user_model().objects.create_superuser("victim", "v@example.org", PASSWORD)
    user("insider")
    for _ in range(2):
        assert admin_login(client, "victim", "guess").status_code == 200
    assert client.post("/en/_util/login/", {"username": "insider", "password": PASSWORD}).status_code == 302
    client.logout()
    assert admin_login(client, "victim", "guess").status_code == 429


# --- Page-password form ------------------------------------------------------------------------------------


@pytest.fixture
def restricted_page(db):
    page = EventIndexPage.objects.get(locale__language_code="en")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    with translation.override("en"):
        url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    assert url.startswith("/en/_util/authenticate_with_password/")
    return {"page": page, "url": url}


def guess(client, restricted_page, password, **extra):
    data = {"password": password, "return_url": restricted_page["page"].url}
    return client.post(restricted_page["url"], data, **extra)


def test_page_password_guesses_are_limited_per_client_address(client, settings, restricted_page):
    settings.PAGE_PASSWORD_MAX_FAILURES = 3
    assert client.get(restricted_page["page"].url).status_code == 200  # the password form
    for _ in range(3):
        assert guess(client, restricted_page, "wrong").status_code == 200
    flood_of_page_views()
    blocked = guess(client, restricted_page, "s3cret")  # not even checked
    assert blocked.status_code == 429
    assert int(blocked["Retry-After"]) == settings.PAGE_PASSWORD_WINDOW
    assert "Too many wrong passwords for this page" in blocked.content.decode()
    assert client.get(restricted_page["page"].url).status_code == 200  # still the password form
    # Another visitor who knows the password is let in.
    other = guess(client, restricted_page, "s3cret", REMOTE_ADDR="10.3.0.1")
    assert other.status_code == 302


def test_page_password_guesses_are_limited_per_page_from_many_addresses(client, settings, restricted_page):
    settings.PAGE_PASSWORD_MAX_FAILURES_PER_PAGE = 3
    assert guess(client, restricted_page, "s3cret", REMOTE_ADDR="10.4.0.1").status_code == 302  # not counted
    for number in range(3):
        assert guess(client, restricted_page, "wrong", REMOTE_ADDR=f"10.4.1.{number}").status_code == 200
    flood_of_page_views()
    blocked = guess(client, restricted_page, "s3cret", REMOTE_ADDR="10.4.2.1", HTTP_ACCEPT_LANGUAGE="nl")
    assert blocked.status_code == 429
    assert "Te veel pogingen" not in blocked.content.decode()  # the /en/ URL decides the language
    assert "Too many attempts" in blocked.content.decode()


# --- Password reset --------------------------------------------------------------------------------------


def reset(client, email, **extra):
    return client.post("/admin/password_reset/", {"email": email}, **extra)


def test_password_reset_is_limited_per_email_address_with_the_address_kept(client, settings):
    settings.PASSWORD_RESETS_PER_HOUR = 3
    user("forgetful", "forgetful@example.org")
    for number in range(3):  # from three addresses
        response = reset(client, "forgetful@example.org", REMOTE_ADDR=f"10.5.0.{number}")
        assert response.status_code == 302
    assert len(mail.outbox) == 3
    flood_of_page_views()
    blocked = reset(client, "Forgetful+again@Example.org", REMOTE_ADDR="10.5.0.9", HTTP_ACCEPT_LANGUAGE="de")
    assert blocked.status_code == 429
    assert int(blocked["Retry-After"]) == 3600
    assert len(mail.outbox) == 3
    assert "Zu viele Anfragen zum Zurücksetzen des Passworts" in blocked.content.decode()
    assert soup(blocked).find("input", attrs={"name": "email"})["value"] == "Forgetful+again@Example.org"


def test_password_reset_is_limited_per_client_address(client, settings):
    settings.PASSWORD_RESETS_PER_HOUR = 3
    for number in range(3):
        assert reset(client, f"nobody-{number}@example.org").status_code == 302
    flood_of_page_views()
    assert reset(client, "someone-else@example.org").status_code == 429
    assert reset(client, "someone-else@example.org", REMOTE_ADDR="10.6.0.1").status_code == 302


# --- Acknowledgement e-mails: event submissions and the expert contact form -------------------------------


def acknowledgements_to(address):
    return [message for message in mail.outbox if message.to == [address]]


@pytest.mark.usefixtures("vocabularies")
def test_event_acknowledgements_are_limited_per_contact_address_from_many_addresses(client, settings):
    settings.EVENT_SUBMISSIONS_PER_HOUR = 2
    url = submit_url("de")
    for number in range(2):
        response = client.post(url, form_data(title=f"Workshop {number}"), REMOTE_ADDR=f"10.7.0.{number}")
        assert response.status_code == 200
        assert "EV-" in response.content.decode()  # the thank-you page with the reference
    assert len(acknowledgements_to("anna@example.org")) == 2
    flood_of_page_views()
    data = form_data(title="Noch ein Workshop", contact_email="Anna+3@example.org")
    blocked = client.post(url, data, REMOTE_ADDR="10.7.0.9")
    assert blocked.status_code == 429
    assert blocked["Retry-After"] == "3600"
    assert EventSubmission.objects.count() == 2
    assert len(acknowledgements_to("anna@example.org")) == 2
    assert not acknowledgements_to("Anna+3@example.org")
    page = soup(blocked)
    assert "Ihre Eingaben bleiben erhalten" in page.select_one("[role=alert]").get_text()
    assert page.find("input", attrs={"name": "title"})["value"] == "Noch ein Workshop"
    assert page.find("input", attrs={"name": "contact_email"})["value"] == "Anna+3@example.org"


def test_event_submissions_are_limited_per_client_address(client, settings):
    settings.EVENT_SUBMISSIONS_PER_HOUR = 2
    url = submit_url("nl")
    for number in range(2):
        assert client.post(url, {"title": "x", "contact_email": f"p{number}@example.org"}).status_code == 400
    flood_of_page_views()
    blocked = client.post(url, {"title": "Mijn evenement", "contact_email": "p9@example.org"})
    assert blocked.status_code == 429
    assert "U hebt dit formulier te vaak verstuurd" in blocked.content.decode()
    assert soup(blocked).find("input", attrs={"name": "title"})["value"] == "Mijn evenement"


@pytest.mark.usefixtures("experts")
def test_contact_requests_are_limited_per_email_address_from_many_addresses(client):
    url = contact_url("fr", "sofie-vermeulen")
    for number in range(5):
        assert client.post(url, VALID, REMOTE_ADDR=f"10.8.0.{number}").status_code == 302
    flood_of_page_views()
    blocked = client.post(url, VALID, REMOTE_ADDR="10.8.0.9")
    assert blocked.status_code == 429
    assert ContactRequest.objects.count() == 5
    page = soup(blocked)
    assert "Vous avez envoyé ce formulaire trop de fois" in page.select_one("[role=alert]").get_text()
    assert page.find("input", attrs={"name": "email"})["value"] == VALID["email"]
    assert page.find("textarea", attrs={"name": "message"}).get_text().strip() == VALID["message"]


@pytest.mark.usefixtures("experts")
def test_contact_requests_are_limited_per_client_address(client):
    url = contact_url("en", "sofie-vermeulen")
    for number in range(5):
        assert client.post(url, {**VALID, "email": f"sender-{number}@example.com"}).status_code == 302
    flood_of_page_views()
    assert client.post(url, {**VALID, "email": "sender-9@example.com"}).status_code == 429
