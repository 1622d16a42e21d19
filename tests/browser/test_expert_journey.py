"""A woman expert's whole journey through the directory (issue 16), in a real Chromium against the demo site:
she signs up in Dutch, confirms with the link of the e-mail she receives, a moderator approves her profile,
an organiser finds her in the Dutch directory with the Dutch and AI filters and contacts her without ever
seeing her address, she changes her profile and then deletes it with the links of her e-mails; afterwards
her name is nowhere: not in the public pages, the search index, the API or the contact requests addressed
to her. (Expired and tampered links and a second confirmation: tests/test_expert_signup.py and
tests/test_expert_self_service.py.)"""

import json
import re
import urllib.parse
import urllib.request

import pytest
from playwright.sync_api import expect

from tests.browser.mailbox import MAILBOX_BACKEND, received
from tests.browser.support import new_context, site_server_command
from tests.servers import free_port, run_in_site, running_server

pytestmark = [pytest.mark.browser, pytest.mark.demo]  # on the demo content (conftest.py)

NAME = "Veerle Brouckaert"
EMAIL = "veerle.brouckaert@example.org"
DIRECTORY = "/nl/rolmodellen/experts/"

MODERATOR = ("journey-moderator", "journey-Passw0rd!")

# A member of the Moderators group (made once) and the id of her Dutch page, printed as JSON.
MODERATOR_SETUP = f"""
import json, sys
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from testimonials.models import TestimonialPage

moderator = get_user_model().objects.filter(username={MODERATOR[0]!r}).first()
if moderator is None:
    moderator = get_user_model().objects.create_user({MODERATOR[0]!r}, "moderator@example.org", {MODERATOR[1]!r})
    moderator.groups.add(Group.objects.get(name="Moderators"))
print(json.dumps(TestimonialPage.objects.get(title=sys.argv[1], locale__language_code="nl").pk))
"""

# Her Dutch page as the site publishes it: whether it is live, and its job title.
PUBLISHED = """
import json, sys
from testimonials.models import TestimonialPage

page = TestimonialPage.objects.get(title=sys.argv[1], locale__language_code="nl")
print(json.dumps({"live": page.live, "job_title": page.job_title}))
"""

# What the site still holds that names her: the search index (the database backend's entries and a search
# in each language), her pages, and the contact requests that were addressed to her.
TRACES = """
import json, sys
from django.contrib.contenttypes.models import ContentType
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry
from home.languages import language_codes
from search.query import backend_for_language
from testimonials.models import ContactRequest, ExpertSignup, TestimonialPage

name = sys.argv[1]
pages = TestimonialPage.objects.all()
found = {
    code: [page.title for page in get_search_backend(backend_for_language(code)).search(name, pages)]
    for code in language_codes()
}
entries = IndexEntry.objects.filter(content_type=ContentType.objects.get_for_model(TestimonialPage))
print(json.dumps({
    "found": found,
    "orphan_index_entries": entries.exclude(object_id__in=[str(pk) for pk in pages.values_list("pk", flat=True)]).count(),
    "pages": pages.filter(title=name).count(),
    "signups": ExpertSignup.objects.filter(name=name).count(),
    "requests": [
        [request.expert_name, request.message, request.expert_id]
        for request in ContactRequest.objects.filter(email="organiser@example.org")
    ],
}))
"""


@pytest.fixture(scope="module")
def journey_site(site_url, site_env, tmp_path_factory):
    """A second server of the demo site (the same database, media and cache as `site_url`) whose e-mails go
    to a mailbox on disk: (its address, its environment, the mailbox directory)."""
    mailbox = tmp_path_factory.mktemp("mailbox")
    env = {**site_env, "TEST_EMAIL_BACKEND": MAILBOX_BACKEND, "TEST_MAILBOX": str(mailbox)}
    port = free_port()
    with running_server(
        site_server_command(port),
        port=port,
        env=env,
        log_path=mailbox.parent / "journey-server.log",
        ready_path="/nl/",
        name="The journey site",
        timeout=30,
    ) as server:
        yield server.base, env, mailbox


# Listings that showed her on their first page while she was published.
WHERE_SHE_WAS_LISTED = [
    f"{DIRECTORY}?language=nl&expertise=data-ai&region=flanders",
    f"{DIRECTORY}?q=Brouckaert",
    "/nl/rolmodellen/?sector=education&region=flanders",
]


def link(mailbox, route):
    """The path of the link to `route` in the latest e-mail she received that has one."""
    for _subject, body in reversed(received(mailbox, EMAIL)):
        found = re.search(r"https?://[^/\s]+(/nl/\S*/" + route + r"/\S+)", body)
        if found:
            return found.group(1)
    raise AssertionError(f"no {route} link in her e-mails: {received(mailbox, EMAIL)}")


def get(base, path):
    with urllib.request.urlopen(base + path, timeout=20) as response:
        return response.read().decode()


def approve_in_the_admin(browser, base, env):
    """A moderator logs in to the Wagtail admin and approves her page's moderation task in the page editor."""
    page_id = run_in_site(env, MODERATOR_SETUP, NAME)
    context = new_context(browser)
    admin = context.new_page()
    admin.goto(base + "/admin/login/")
    admin.locator("[name=username]").fill(MODERATOR[0])
    admin.locator("[name=password]").fill(MODERATOR[1])
    admin.locator("form [type=submit]").click()
    admin.wait_for_url(re.compile(r"/admin/$"))
    admin.goto(f"{base}/admin/pages/{page_id}/edit/")
    approve = admin.locator("button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])")
    with admin.expect_navigation():
        approve.evaluate("button => button.click()")  # in the editor's footer menu of actions
    context.close()
    return run_in_site(env, PUBLISHED, NAME)


def api_role_models(base, locale="nl"):
    """The titles of the role models the API lists in `locale`, every page of its listing."""
    titles, offset = [], 0
    while True:
        path = f"/api/v2/pages/?type=testimonials.TestimonialPage&locale={locale}&limit=50&offset={offset}"
        items = json.loads(get(base, path))["items"]
        titles += [item["title"] for item in items]
        if len(items) < 50:
            return titles
        offset += 50


def no_trace_of_her(page, base):
    """Her name and address appear in none of the public outputs."""
    quoted = urllib.parse.quote(NAME)
    for path in [*WHERE_SHE_WAS_LISTED, DIRECTORY, "/nl/rolmodellen/", "/en/role-models/experts/"]:
        page.goto(base + path)
        html = page.content()
        assert NAME not in html and EMAIL not in html, path
    for language in ["nl", "en"]:  # the search page repeats the query; its results do not name her
        page.goto(f"{base}/{language}/search/?q={quoted}")
        assert NAME not in "".join(page.locator(".search-results").all_inner_texts())
        assert page.locator("a[href*='veerle-brouckaert']").count() == 0
        assert EMAIL not in page.content()
    assert "veerle-brouckaert" not in get(base, "/sitemap.xml")
    for path in [f"/api/v2/pages/?search={quoted}", "/api/v2/pages/?search=Brouckaert"]:
        text = get(base, path)
        assert NAME not in text and "Brouckaert" not in text, path
    assert NAME not in api_role_models(base)


def test_journey_of_an_expert_from_dutch_sign_up_to_deletion_leaves_no_trace(browser, page, journey_site):
    base, env, mailbox = journey_site

    # She signs up in Dutch.
    page.goto(base + DIRECTORY)
    page.get_by_role("link", name=re.compile("Word lid van de gids")).click()
    expect(page.locator("h1")).to_have_text("Word lid van de gids van vrouwelijke experts")
    form = page.locator("main form")
    form.locator("[name=name]").fill(NAME)
    form.locator("[name=email]").fill(EMAIL)
    form.locator("[name=job_title]").fill("AI-onderzoeker")
    form.locator("[name=sector]").select_option("education")
    form.locator("[name=region]").select_option("flanders")
    form.locator("[name=languages][value=nl]").check()
    form.locator("[name=languages][value=en]").check()
    form.locator("[name=competence_areas][value=data-ai]").check()
    form.locator("[name=topics]").fill("taalmodellen, spraakherkenning")
    form.locator("[name=open_to][value=speaking]").check()
    form.locator("[name=open_to][value=media]").check()
    form.locator("[name=bio]").fill("Ik onderzoek hoe computers gesproken Vlaams leren verstaan.")
    form.locator("[name=consent]").check()
    form.get_by_role("button", name="Inschrijven").click()
    expect(page.get_by_role("status")).to_contain_text("Controleer uw mailbox")

    # She confirms with the link of the e-mail.
    (subject, _body), *_ = received(mailbox, EMAIL)
    assert subject == "Bevestig uw inschrijving in de gids van vrouwelijke experts"
    page.goto(base + link(mailbox, "join/confirm"))
    page.get_by_role("button", name="Bevestig mijn inschrijving").click()
    expect(page.locator("main")).to_contain_text("uw adres is bevestigd")
    assert page.goto(base + DIRECTORY + "?q=Brouckaert").ok
    assert NAME not in page.content()  # not public before a moderator approves

    # A moderator approves her profile: she is in the search index, the API and the sitemap.
    assert approve_in_the_admin(browser, base, env)["live"]
    before = run_in_site(env, TRACES, NAME)
    assert before["found"]["nl"] == [NAME] and before["pages"] == 1
    assert NAME in get(base, f"/api/v2/pages/?search={urllib.parse.quote(NAME)}")
    assert NAME in api_role_models(base)
    assert "/nl/rolmodellen/veerle-brouckaert/" in get(base, "/sitemap.xml")
    for path in WHERE_SHE_WAS_LISTED:
        assert NAME in get(base, path), path
    page.goto(f"{base}/nl/search/?q={urllib.parse.quote(NAME)}")
    expect(page.locator(".search-results")).to_contain_text(NAME)

    # An organiser finds her with the Dutch-language and AI filters, and contacts her.
    page.goto(base + DIRECTORY)
    disclosure = page.locator("details.filters-disclosure")
    if not disclosure.evaluate("details => details.open"):
        disclosure.locator("summary").click()
    filters = page.locator("form.filters")
    filters.locator("[name=language][value=nl]").check()
    filters.locator("[name=expertise][value=data-ai]").check()
    filters.locator("[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"language=nl"))
    expect(page).to_have_url(re.compile(r"expertise=data-ai"))
    card = page.locator("li.card").filter(has_text=NAME)
    expect(card).to_be_visible()
    assert EMAIL not in page.content()
    card.locator("a[href*='/contact/']").click()
    assert EMAIL not in page.content()
    contact = page.locator("main form")
    contact.locator("[name=name]").fill("Jonas Organisator")
    contact.locator("[name=email]").fill("organiser@example.org")
    contact.locator("[name=purpose]").select_option("speaking")
    contact.locator("[name=message]").fill("Wilt u spreken op onze AI-dag in Gent op 12 maart?")
    contact.locator("[type=submit]").click()
    expect(page).to_have_url(re.compile(r"\?sent=1$"))
    assert EMAIL not in page.content()
    page.goto(base + "/nl/rolmodellen/veerle-brouckaert/")  # her page
    expect(page.locator("h1")).to_have_text(NAME)
    assert EMAIL not in page.content()
    assert any("Jonas Organisator" in body for _subject, body in received(mailbox, EMAIL))

    # She changes her job title with the link of her e-mails; the change waits for a moderator.
    page.goto(base + link(mailbox, "experts/profile"))
    page.locator("main form [name=job_title]").fill("Hoofd AI-onderzoek")
    page.get_by_role("button", name="Mijn wijzigingen versturen").click()
    expect(page).to_have_url(re.compile(r"done=saved"))
    page.goto(base + DIRECTORY + "?q=Brouckaert")
    assert "Hoofd AI-onderzoek" not in page.content()
    assert approve_in_the_admin(browser, base, env) == {"live": True, "job_title": "Hoofd AI-onderzoek"}
    page.goto(base + DIRECTORY + "?q=Brouckaert")
    expect(page.locator("main")).to_contain_text("Hoofd AI-onderzoek")

    # She deletes her profile with the link.
    page.goto(base + link(mailbox, "experts/profile"))
    page.locator("[name=confirm_delete]").check()
    page.get_by_role("button", name="Mijn profiel verwijderen").click()
    expect(page.locator("main")).to_contain_text("verwijderd")

    # No trace of her is left.
    no_trace_of_her(page, base)
    traces = run_in_site(env, TRACES, NAME)
    assert traces["found"] == {"en": [], "fr": [], "nl": [], "de": []}
    assert traces["orphan_index_entries"] == 0 and traces["pages"] == 0
    assert traces["signups"] == 0
    assert traces["requests"] == [
        ["", "", None]
    ]  # the request is kept (date, sender), not her name or the message
