"""Views of the charter page (home.models.charter.CharterPage routes): the signatories, the form to sign,
the confirmation and the withdrawal links of the e-mails."""

from django.core import signing
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from home.charter_forms import CharterSignatureForm
from home.charter_listing import SignatoryListing
from home.models import Region, Signatory, SignatoryStatus, SiteLinks, localized_terms
from home.ratelimit import allow_form_post, form_message

SIGNATURES_PER_HOUR = 5  # form posts per client address, and per e-mail address, and hour


def listing(request, page):
    return SignatoryListing(request, page).response()


def _render(request, page, template, status=200, **context):
    response = page.render(request, template=template, context_overrides=context)
    response.status_code = status
    return response


def _render_form(request, page, form, status=200, **extra):
    context = {"form": form, "privacy_page": SiteLinks.privacy_page_for(request), **extra}
    return _render(request, page, "home/charter_sign.html", status, **context)


def sign(request, page):
    if request.method not in {"GET", "POST"}:
        return HttpResponseNotAllowed(["GET", "POST"])
    commitments = page.commitment_choices()
    if request.method == "GET":
        if request.GET.get("sent") == "1":
            return _render(request, page, "home/charter_thanks.html")
        initial = {"commitments": [key for key, _title in commitments]}
        return _render_form(request, page, CharterSignatureForm(initial=initial, commitments=commitments))

    form = CharterSignatureForm(request.POST, request.FILES, commitments=commitments)
    if not allow_form_post(request, "charter-signature", "email", SIGNATURES_PER_HOUR, 3600):
        response = _render_form(request, page, form, status=429, throttled=form_message(3600))
        response["Retry-After"] = "3600"
        return response
    if form.is_spam():
        return _render_form(request, page, form, status=400, spam=_("Your signature could not be accepted."))
    if not form.is_valid():
        return _render_form(request, page, form, status=400, has_errors=True)

    data = form.cleaned_data
    regions = {term.slug: term for term in localized_terms(Region).values()}  # the form's choices
    signatory = Signatory(
        organisation_name=data["organisation_name"],
        sector=data["sector"],
        region=regions.get(data["region"]),
        contact_name=data["contact_name"],
        email=data["email"],
        logo=data["logo"] or "",
        logo_alt=data["logo_alt"] if data["logo"] else "",
        commitments=data["commitments"],
        statement=data["statement"],
        language=page.locale.language_code,
        page=page,
    )
    signatory.save()
    signatory.queue_delivery()  # the task worker sends the confirmation link
    return redirect(page.url + page.reverse_subpage("sign") + "?sent=1")


def _signatory(token, reader):
    """The signatory of a link, or (None, reason): "expired" or "invalid"."""
    try:
        signatory = reader(token)
    except signing.SignatureExpired:
        return None, "expired"
    except signing.BadSignature:
        return None, "invalid"
    return (signatory, "") if signatory is not None else (None, "invalid")


def confirm(request, page, token):
    """GET asks (a link checker that opens the link changes nothing), POST confirms."""
    if request.method not in {"GET", "POST"}:
        return HttpResponseNotAllowed(["GET", "POST"])
    signatory, problem = _signatory(token, Signatory.from_confirmation_token)
    if signatory is not None and signatory.status in {SignatoryStatus.REJECTED, SignatoryStatus.WITHDRAWN}:
        signatory, problem = None, "invalid"  # nothing left to confirm
    if signatory is None:
        status = 410 if problem == "expired" else 404
        return _render(request, page, "home/charter_link.html", status, action="confirm", problem=problem)
    done = signatory.status != SignatoryStatus.UNCONFIRMED
    if request.method == "POST" and not done:
        signatory.confirm()
        done = True
    return _render(request, page, "home/charter_link.html", action="confirm", signatory=signatory, done=done)


def withdraw(request, page, token):
    """GET asks, POST withdraws the signature (for good)."""
    if request.method not in {"GET", "POST"}:
        return HttpResponseNotAllowed(["GET", "POST"])
    signatory, problem = _signatory(token, Signatory.from_withdrawal_token)
    if signatory is None:
        raise Http404
    done = signatory.status == SignatoryStatus.WITHDRAWN
    if request.method == "POST" and not done:
        signatory.withdraw()
        done = True
    return _render(request, page, "home/charter_link.html", action="withdraw", signatory=signatory, done=done)
