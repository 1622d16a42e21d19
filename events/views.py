"""Views served by the events index (wagtail.contrib.routable_page): listing (events.listing) and partner
submissions."""

import logging

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from events.forms import EventSubmissionForm, SpeakerFormSet
from events.listing import EventListing
from events.models import (
    EventKind,
    EventPage,
    EventPageSpeaker,
    EventSettings,
    EventSubmission,
    compute_balance,
)
from events.moderation import submissions_user, workflow_for
from home.models import CompetenceArea, Region, SiteLinks, TargetGroup
from home.ratelimit import allow_form_post, form_message
from testimonials import directory

logger = logging.getLogger(__name__)


# -- listing ----------------------------------------------------------------------------------------------
def listing(request, index):
    return EventListing(request, index).response()


# -- partner submissions --------------------------------------------------------------------------------
def suggest_women_speakers(topic_slugs, language_codes, limit=5):
    """Women role models open to speaking, from the testimonials directory; [] (logged) if it fails."""
    try:
        return list(directory.suggest_speakers(list(topic_slugs), list(language_codes), limit=limit))
    except Exception:  # noqa: BLE001 - suggestions are a help; the form must keep working without them
        logger.exception("Speaker suggestions failed")
        return []


def _render_form(request, index, form, formset, status=200, **extra):
    context = {"form": form, "formset": formset, "privacy_page": SiteLinks.privacy_page_for(request), **extra}
    response = index.render(request, template="events/submit_form.html", context_overrides=context)
    response.status_code = status
    return response


def _unique_slug(title, reference):
    base = slugify(title, allow_unicode=True)[:60].strip("-") or "event"
    return f"{base}-{reference.lower()}"


def create_submission(request, index, data, speakers, waived):
    """Store the draft page, its revision, the workflow and the submission record (all or nothing)."""
    locale = index.locale
    user = request.user if request.user.is_authenticated else submissions_user()
    submission = EventSubmission(
        language=locale.language_code,
        organisation=data["organisation"],
        contact_name=data["contact_name"],
        contact_email=data["contact_email"],
        event_title=data["title"],
        submitted_by=request.user if request.user.is_authenticated else None,
        panel_rule_waived=waived,
        data={
            **{key: value for key, value in data.items() if key not in {"start", "end", "consent"}},
            "start": data["start"].isoformat(),
            "end": data["end"].isoformat(),
            "speakers": speakers,
        },
    )
    with transaction.atomic():
        page = EventPage(
            title=data["title"],
            slug=_unique_slug(data["title"], submission.reference),
            locale=locale,
            kind=data["kind"],
            start=data["start"],
            end=data["end"],
            venue_name=data["venue_name"],
            address=data["address"],
            online_url=data["online_url"],
            region=Region.objects.filter(slug=data["region"], locale=locale).first()
            or Region.objects.filter(slug=data["region"]).first(),
            organiser_name=data["organisation"],
            languages=data["languages"],
            registration_url=data["registration_url"],
            introduction=data["summary"],
            live=False,
            has_unpublished_changes=True,
            owner=user,
        )
        page.audiences = list(TargetGroup.objects.filter(locale=locale, slug__in=data["audiences"]))
        page.topics = list(CompetenceArea.objects.filter(locale=locale, slug__in=data["topics"]))
        page.speakers = [
            EventPageSpeaker(name=s["name"], role=s["role"], gender=s["gender"], sort_order=i)
            for i, s in enumerate(speakers)
        ]
        index.add_child(instance=page)
        page.save_revision(user=user, log_action=True)
        workflow_for(index).start(page, user)
        submission.page = page
        submission.save()
    return submission


def submit(request, index):
    if request.method not in {"GET", "POST"}:
        from django.http import HttpResponseNotAllowed

        return HttpResponseNotAllowed(["GET", "POST"])
    if request.method == "GET":
        return _render_form(request, index, EventSubmissionForm(), SpeakerFormSet(prefix="speakers"))

    form = EventSubmissionForm(request.POST)
    formset = SpeakerFormSet(request.POST, prefix="speakers")
    # Per client address and per address that gets the acknowledgement.
    if not allow_form_post(
        request, "event-submission", "contact_email", settings.EVENT_SUBMISSIONS_PER_HOUR, 3600
    ):
        response = _render_form(request, index, form, formset, status=429, throttled=form_message(3600))
        response["Retry-After"] = "3600"
        return response
    if form.is_spam():
        return _render_form(
            request, index, form, formset, status=400, spam=_("Your submission could not be accepted.")
        )
    if not (form.is_valid() and formset.is_valid()):
        return _render_form(request, index, form, formset, status=400, has_errors=True)

    data = form.cleaned_data
    speakers = formset.speakers()
    balance = compute_balance(speakers, EventSettings.balanced_share(request))
    fails_rule = data["kind"] == EventKind.PANEL and not balance.balanced  # failing, or the minimum only
    if fails_rule and not data["confirm_imbalance"]:
        suggestions = suggest_women_speakers(data["topics"], data["languages"])
        return _render_form(
            request, index, form, formset, balance=balance, panel_warning=True, suggestions=suggestions
        )

    submission = create_submission(request, index, data, speakers, waived=fails_rule)
    submission.queue_delivery()  # the task worker sends the e-mails and records the outcome
    response = index.render(
        request, template="events/submit_thanks.html", context_overrides={"submission": submission}
    )
    return response
