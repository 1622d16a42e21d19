"""The home app's own views: the key figures as open data (CSV and JSON), routes of KeyFiguresPage; the contact
page's form and thank-you page, routes of ContactPage."""

import csv
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.core import signing
from django.http import HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from home.contact_forms import ContactForm
from home.models import ContactMessage, ContactTopic, SiteLinks
from home.ratelimit import allow_form_post, form_message
from home.text import csv_safe


def _number(value):
    return None if value is None else float(value)


def _plain(value):
    """A decimal as spreadsheets read it in every language: 18.2, 584000 (never 5.84E+5), "" when empty."""
    return "" if value is None else format(value.normalize(), "f")


def figures_data(page):
    """Every figure of `page`'s language by theme, with its values and source, as plain data."""
    return {
        "language": page.locale.language_code,
        "page": page.full_url,
        "themes": [
            {
                "slug": theme.slug,
                "name": theme.name,
                "figures": [
                    {
                        "slug": figure.slug,
                        "name": figure.name,
                        "unit": figure.unit,
                        "source": {"name": figure.source_name, "url": figure.source_url},
                        "note": figure.note,
                        "values": [
                            {
                                "year": row.year,
                                "area": row.area,
                                "value": _number(row.value),
                                "women": _number(row.value_women),
                                "men": _number(row.value_men),
                            }
                            for row in figure.sorted_values()
                        ],
                    }
                    for figure in figures
                ],
            }
            for theme, figures in page.themes()
        ],
    }


def figures_json(request, page):
    response = JsonResponse(figures_data(page), json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Access-Control-Allow-Origin"] = "*"  # open data, reusable by any partner site
    return response


def figures_csv(request, page):
    """One row per figure, year and area; the headings in the page's language, the values as plain numbers
    (a dot for the decimals, as spreadsheets read them in every language)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="key-figures-{page.locale.language_code}.csv"'
    response.write("\ufeff")  # so that spreadsheets read the file as UTF-8
    writer = csv.writer(response)
    writer.writerow(
        [
            _("Theme"),
            _("Figure"),
            _("Unit"),
            _("Year"),
            _("Area"),
            _("Value"),
            _("Women"),
            _("Men"),
            _("Source"),
            _("Link to the source"),
            _("Note"),
        ]
    )
    for theme, figures in page.themes():
        for figure in figures:
            for row in figure.sorted_values():
                writer.writerow(
                    [
                        csv_safe(theme.name),
                        csv_safe(figure.name),
                        figure.get_unit_display(),
                        row.year,
                        row.get_area_display(),
                        _plain(row.value),
                        _plain(row.value_women),
                        _plain(row.value_men),
                        csv_safe(figure.source_name),
                        figure.source_url,
                        csv_safe(figure.note),
                    ]
                )
    return response


# -- the contact page (home.models.ContactPage) ----------------------------------------------------------
CONTACT_THANKS_SALT = "home.contact.thanks"
CONTACT_THANKS_MAX_AGE = 24 * 3600


def _contact_response(request, page, form, status=200, **extra):
    """The contact page with `form`; never stored by a cache (its form carries the visitor's CSRF token)."""
    context = {"form": form, "privacy_page": SiteLinks.privacy_page_for(request), **extra}
    response = page.render(request, context_overrides=context)
    response.status_code = status
    add_never_cache_headers(response)
    return response


def _chosen_topic(request):
    """The topic chosen in advance: `?topic=` (a ContactTopic value), else "accessibility" for a visitor who
    followed a link on this site's accessibility statement (the page that Referer names; a link made with
    the page chooser cannot carry `?topic=` into every language), else none."""
    topic = request.GET.get("topic")
    if topic in ContactTopic.values:
        return topic
    referer = urlsplit(request.headers.get("Referer", ""))
    if referer.netloc and referer.netloc == request.get_host():
        try:
            statement = SiteLinks.for_request(request).accessibility_page
        except Exception:  # noqa: BLE001 - no site configured
            statement = None
        if statement is not None and referer.path == statement.localized.get_url(request):
            return ContactTopic.ACCESSIBILITY
    return None


def contact_form(request, page):
    """GET: the page with an empty form, its topic chosen in advance when the link says so (_chosen_topic).
    POST: store the message, hand its e-mails to the task worker and redirect to the thank-you page; or show
    the form again, with everything typed, its errors (400) or the rate limit's message (429)."""
    if request.method not in {"GET", "HEAD", "POST"}:
        return HttpResponseNotAllowed(["GET", "POST"])
    if request.method != "POST":
        topic = _chosen_topic(request)
        return _contact_response(request, page, ContactForm(initial={"topic": topic} if topic else {}))

    form = ContactForm(request.POST)
    if not allow_form_post(request, "contact", "email", settings.CONTACT_MESSAGES_PER_HOUR, 3600):
        response = _contact_response(request, page, form, status=429, throttled=form_message(3600))
        response["Retry-After"] = "3600"
        return response
    if form.is_spam():
        return _contact_response(
            request, page, form, status=400, spam=_("Your message could not be accepted.")
        )
    if not form.is_valid():
        return _contact_response(request, page, form, status=400)
    message = form.save(commit=False)
    message.page = page
    message.language = page.locale.language_code
    message.save()
    message.queue_delivery()  # the task worker sends the e-mails and records the outcome
    token = signing.dumps(message.pk, salt=CONTACT_THANKS_SALT)
    return redirect(page.url + page.reverse_subpage("thanks") + "?" + urlencode({"m": token}))


def contact_thanks(request, page):
    """The thank-you page: what became of the e-mails of the message named by the signed `m` (sent, still
    being sent, or failed while the message is kept); back to the form when `m` is missing, forged or older
    than a day. Shows nothing the visitor typed."""
    try:
        pk = signing.loads(request.GET.get("m", ""), salt=CONTACT_THANKS_SALT, max_age=CONTACT_THANKS_MAX_AGE)
    except signing.BadSignature:
        pk = None
    message = ContactMessage.objects.filter(pk=pk).only("delivery_status").first() if pk else None
    if message is None:
        return redirect(page.url)
    response = page.render(
        request, template="home/contact_thanks.html", context_overrides={"contact_message": message}
    )
    add_never_cache_headers(response)
    return response
