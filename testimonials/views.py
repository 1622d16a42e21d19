"""Views served by the role-model index (wagtail.contrib.routable_page): the listing, the experts
directory and the contact form, and the experts' own sign-up and self-service pages. The page's routes call them by dotted path (models never import views or forms)."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _

from home.models import Organisation, SiteLinks
from home.ratelimit import allow_all, allow_form_post, form_message, too_many_requests

from . import experts, tokens
from .forms import ContactExpertForm, ExpertEditForm, ExpertLinkForm, ExpertSignupForm, profile_initial
from .listing import ExpertDirectory, RoleModelListing
from .models import CONSENT_VERSION, ExpertNotice, ExpertSignup, NoticeKind, TestimonialPageTag, set_open_to


def listing(request, index):
    return RoleModelListing(request, index).response()


def directory(request, index):
    return ExpertDirectory(request, index).response(template="testimonials/directory.html")


def contact(request, index, expert_id):
    expert = index.experts().filter(pk=expert_id).first()
    if expert is None:
        raise Http404
    sent_url = index.url + index.reverse_subpage("contact", args=[expert.pk]) + "?sent=1"
    sent = request.GET.get("sent") == "1"
    form = ContactExpertForm(expert=expert)  # offers only the purposes she agreed to
    if request.method == "POST":
        form = ContactExpertForm(request.POST, expert=expert)
        if form.is_spam():
            return redirect(sent_url)
        if not allow_form_post(request, "testimonials-contact", "email", 5, 3600):
            context = {
                "page": index,
                "expert": expert,
                "form": form,
                "throttled": form_message(3600),
                "privacy_page": SiteLinks.privacy_page_for(request),
            }
            return too_many_requests(request, 3600, template="testimonials/contact.html", context=context)
        if form.is_valid():
            contact_request = form.save(commit=False)
            contact_request.expert = expert
            contact_request.expert_name = expert.title
            contact_request.language = request.LANGUAGE_CODE if hasattr(request, "LANGUAGE_CODE") else ""
            contact_request.save()
            contact_request.queue_delivery()  # the task worker sends the e-mails
            return redirect(sent_url)
    context = {
        "page": index,
        "expert": expert,
        "form": form,
        "sent": sent,
        "privacy_page": SiteLinks.privacy_page_for(request),
    }
    status = 400 if form.is_bound and form.errors else 200
    return TemplateResponse(request, "testimonials/contact.html", context, status=status)


# -- experts who join the directory themselves (issue 16) ---------------------------------------------------
SIGNUPS_PER_HOUR = 5
LINK_REQUESTS_PER_HOUR = 5
PROFILE_POSTS_PER_HOUR = 30


def _private(response):
    """Pages reached with her personal link: never kept by a cache, never sent as a referrer to another site.
    ("same-origin", not "no-referrer": with no referrer at all, browsers send "Origin: null" with the page's
    forms, and Django's CSRF check refuses them.)"""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True, no_store=True)
    response["Referrer-Policy"] = "same-origin"
    return response


def _route(index, name, *args):
    return index.url + index.reverse_subpage(name, args=args)


def _suggestions(language):
    """The datalists of the profile form: the organisations of her language and the expertise topics experts
    already use (in any language)."""
    return {
        "employer_suggestions": Organisation.objects.filter(locale__language_code=language)
        .order_by("name")
        .values_list("name", flat=True)[:300],
        "topic_suggestions": TestimonialPageTag.objects.order_by("tag__name")
        .values_list("tag__name", flat=True)
        .distinct()[:300],
    }


def _render(request, index, template, status=200, **context):
    language = index.locale.language_code
    suggestions = _suggestions(language) if "form" in context else {}  # the datalists of the profile form
    context = {"page": index, "privacy_page": SiteLinks.privacy_page_for(request), **suggestions, **context}
    return TemplateResponse(request, template, context, status=status)


def _public_form(request, index, route, form_class, template, scope, per_hour, on_valid, **context):
    """A public form of the experts (the sign-up, the request for a fresh link): a bot that fills the honeypot
    and a valid post both get the "sent" page (PRG); beyond `per_hour` posts an hour (per client and per
    address) or with errors, the form comes back with what was typed (status 429 or 400)."""
    sent_url = _route(index, route) + "?sent=1"
    form = form_class()
    status = 200
    if request.method == "POST":
        form = form_class(request.POST, request.FILES)
        if form.is_spam():
            return redirect(sent_url)
        if not allow_form_post(request, scope, "email", per_hour, 3600):
            response = _render(
                request, index, template, 429, form=form, throttled=form_message(3600), **context
            )
            response["Retry-After"] = "3600"
            return response
        if form.is_valid():
            on_valid(form)
            return redirect(sent_url)
        status = 400
    elif request.method != "GET":
        return HttpResponseNotAllowed(["GET", "POST"])
    return _render(
        request, index, template, status, form=form, sent=request.GET.get("sent") == "1", **context
    )


def expert_join(request, index):
    language = index.locale.language_code
    return _public_form(
        request,
        index,
        "expert_join",
        ExpertSignupForm,
        "testimonials/expert_join.html",
        "expert-signup",
        SIGNUPS_PER_HOUR,
        lambda form: store_signup(form, language),
        link_url=_route(index, "expert_link"),
    )


def store_signup(form, language):
    """Store the sign-up and send the confirmation link; an address that already has a profile gets its
    self-service link instead (the page shown is the same, so nobody learns who is registered)."""
    data = form.profile(language)
    existing = signup_with_profile(data["email"])
    if existing is not None:
        ExpertNotice.send(existing, NoticeKind.LINK)
        return existing
    with transaction.atomic():
        signup = ExpertSignup(
            language=language,
            name=data["name"],
            email=data["email"],
            job_title=data["job_title"],
            sector=data["sector"],
            employer=data["employer"],
            employer_name=data["employer_name"],
            region=data["region"],
            languages=data["languages"],
            topics=data["topics"],
            bio=data["bio"],
            portrait=experts.store_portrait(data["portrait"], data["name"]) if data.get("portrait") else None,
            portrait_alt_text=data["portrait_alt_text"] if data.get("portrait") else "",
            consent_version=CONSENT_VERSION,
            consented_at=timezone.now(),
        )
        set_open_to(signup, data["open_to"])
        signup.save()
        signup.competence_areas.set(data["competence_areas"])
    ExpertNotice.send(signup, NoticeKind.CONFIRM)
    return signup


def expert_confirm(request, index, token):
    signup_id, problem = tokens.read_confirmation(token)
    signup = ExpertSignup.objects.filter(pk=signup_id).first() if signup_id else None
    if signup is None:
        problem = problem or tokens.INVALID
        return _private(
            _render(
                request,
                index,
                "testimonials/expert_confirm.html",
                400,
                problem=problem,
                join_url=_route(index, "expert_join"),
            )
        )
    done = False
    if request.method == "POST" and signup.confirmed_at is None:
        signup, done = experts.confirm(signup)
    elif request.method not in {"GET", "POST"}:
        return HttpResponseNotAllowed(["GET", "POST"])
    return _private(_render(request, index, "testimonials/expert_confirm.html", signup=signup, done=done))


def expert_link(request, index):
    return _public_form(
        request,
        index,
        "expert_link",
        ExpertLinkForm,
        "testimonials/expert_link.html",
        "expert-link",
        LINK_REQUESTS_PER_HOUR,
        send_fresh_link,
    )


def signup_with_profile(email):
    """The confirmed sign-up of `email` whose page still exists, or None."""
    return (
        ExpertSignup.objects.filter(email__iexact=email, page__isnull=False).order_by("-confirmed_at").first()
    )


def send_fresh_link(form):
    """Her self-service link, if the address has a profile; nothing otherwise (the answer is the same)."""
    signup = signup_with_profile(form.cleaned_data["email"])
    if signup is not None:
        ExpertNotice.send(signup, NoticeKind.LINK)


def _her_profile(token):
    """(page, sign-up, problem) named by a self-service token."""
    page_id, problem = tokens.read_profile(token)
    if problem:
        return None, None, problem
    signup = ExpertSignup.objects.filter(page_id=page_id).select_related("page").first()
    if signup is None:
        return None, None, "gone"
    return signup.page.specific, signup, None


def expert_profile(request, index, token):
    page, signup, problem = _her_profile(token)
    if problem:
        status = 410 if problem == "gone" else 400
        return _private(
            _render(
                request,
                index,
                "testimonials/expert_profile.html",
                status,
                problem=problem,
                link_url=_route(index, "expert_link"),
            )
        )
    here = _route(index, "expert_profile", token)
    draft = page.get_latest_revision_as_object()
    form = ExpertEditForm(initial=profile_initial(draft, signup), keeps_portrait=bool(draft.portrait_id))
    delete_error = ""
    if request.method == "POST":
        action = request.POST.get("action")
        if not allow_all(("expert-profile", str(page.pk), PROFILE_POSTS_PER_HOUR, 3600)):
            return too_many_requests(request, 3600)
        if action == "pause":
            experts.pause(page)
            return redirect(here + "?done=paused")
        if action == "resume":
            experts.resume(page)
            return redirect(here + "?done=resumed")
        if action == "delete":
            if request.POST.get("confirm_delete"):
                experts.delete_profile(page)
                return _private(_render(request, index, "testimonials/expert_profile.html", deleted=True))
            delete_error = _("Please tick the box to confirm that you want to delete your profile.")
        else:
            form = ExpertEditForm(request.POST, request.FILES, keeps_portrait=bool(draft.portrait_id))
            if form.is_valid():
                profile = form.profile(index.locale.language_code)
                if profile.get("portrait"):
                    profile["portrait_image"] = experts.store_portrait(profile["portrait"], profile["name"])
                experts.update_profile(page, signup, profile)
                return redirect(here + "?done=saved")
    elif request.method != "GET":
        return HttpResponseNotAllowed(["GET", "POST"])
    page.refresh_from_db()
    status = 400 if (form.is_bound and form.errors) or delete_error else 200
    return _private(
        _render(
            request,
            index,
            "testimonials/expert_profile.html",
            status,
            expert=page,
            draft=draft,
            form=form,
            delete_error=delete_error,
            done=request.GET.get("done", ""),
            in_moderation=page.current_workflow_state is not None,
            data_url=_route(index, "expert_data", token),
        )
    )


def expert_data(request, index, token):
    page, signup, problem = _her_profile(token)
    if problem:
        raise Http404
    data = json.dumps(experts.export_data(page, signup), ensure_ascii=False, indent=2, cls=DjangoJSONEncoder)
    response = HttpResponse(data, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="be-digital-together-my-data.json"'
    return _private(response)
