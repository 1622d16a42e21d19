"""Views served by the role-model index (wagtail.contrib.routable_page): the listing, the experts
directory and the contact form. The page's routes call them by dotted path (models never import views or forms)."""

from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from home.models import SiteLinks
from home.ratelimit import allow_form_post, form_message, too_many_requests

from .forms import ContactExpertForm
from .listing import ExpertDirectory, RoleModelListing


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
