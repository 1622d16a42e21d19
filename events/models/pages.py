"""Events: the events index (listings, calendars, feeds, partner submissions) and event pages."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from home.api_fields import ChoiceField, ChoicesField, OrganisationField, TermField, TermsField
from home.blocks import BodyStreamBlock
from home.fields import LanguagesField, optional_link, synchronized, synchronized_codes, translatable
from home.localization import localized
from home.models.pages import BasePage, IndexPage
from home.structured_data import json_ld
from home.visibility import is_public, public_pages

from ..api_fields import PanelBalanceField, SpeakersField
from ..blocks import ProgrammeBlock
from ..structured_data import event_json_ld
from .settings import EventSettings


class EventKind(models.TextChoices):
    JOB_DAY = "job_day", _("Job day")
    PANEL = "panel", _("Panel or conference")
    WORKSHOP = "workshop", _("Workshop")
    INFO_SESSION = "info_session", _("Information session")
    WEBINAR = "webinar", _("Webinar")


class SpeakerRole(models.TextChoices):
    MODERATOR = "moderator", _("Moderator")
    PANELLIST = "panellist", _("Panellist")
    KEYNOTE = "keynote", _("Keynote speaker")


class Gender(models.TextChoices):
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    NON_BINARY = "non_binary", _("Non-binary")
    NOT_STATED = "not_stated", _("Prefers not to say")


# -- the No Women No Panel rule ---------------------------------------------------------------------------
class BalanceLevel(models.TextChoices):
    """How a panel stands against the No Women No Panel campaign."""

    FAILS = "fails", _("Fails the rule")  # no woman among the speakers besides the moderator
    MINIMUM = "minimum", _("Meets the minimum")  # at least one, fewer than the balanced share
    BALANCED = "balanced", _("Gender-balanced")  # the balanced share of women or more (a site setting)


@dataclass(frozen=True)
class PanelBalance:
    women: int
    total: int
    women_besides_moderator: int
    balanced_share: int  # percent of women among all speakers from which a panel is gender-balanced

    @property
    def share(self):
        return round(100 * self.women / self.total) if self.total else 0

    @property
    def level(self):
        if not self.total or self.women_besides_moderator < 1:
            return BalanceLevel.FAILS
        if self.women * 100 >= self.balanced_share * self.total:
            return BalanceLevel.BALANCED
        return BalanceLevel.MINIMUM

    @property
    def passes(self):
        """Meets the campaign's minimum: at least one woman who is not (only) the moderator."""
        return self.level != BalanceLevel.FAILS

    @property
    def balanced(self):
        return self.level == BalanceLevel.BALANCED

    @property
    def verdict(self):
        return self.level.label

    def sentence(self):
        return ngettext(
            "%(women)d of %(total)d speakers is a woman",
            "%(women)d of %(total)d speakers are women",
            self.women,
        ) % {"women": self.women, "total": self.total}


def compute_balance(speakers, balanced_share=40):
    """`speakers`: iterable of objects (or dicts) with `role` and `gender`."""
    women = total = besides = 0
    for speaker in speakers:
        role = speaker["role"] if isinstance(speaker, dict) else speaker.role
        gender = speaker["gender"] if isinstance(speaker, dict) else speaker.gender
        total += 1
        if gender == Gender.WOMAN:
            women += 1
            if role != SpeakerRole.MODERATOR:
                besides += 1
    return PanelBalance(women, total, besides, balanced_share)


# -- pages ------------------------------------------------------------------------------------------------
class EventIndexPage(IndexPage):
    """The events of one language: upcoming and past listings, calendar feed, news feed, submission form."""

    per_page = 10
    listing_view = "events.views.listing"

    submission_introduction = models.TextField(
        _("submission form introduction"),
        blank=True,
        max_length=600,
        help_text=_("Shown above the 'Submit your event' form."),
    )

    content_panels = [*IndexPage.content_panels, FieldPanel("submission_introduction")]
    override_translatable_fields = [
        *IndexPage.override_translatable_fields,
        *translatable("submission_introduction"),
    ]
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("events index")
        verbose_name_plural = _("events indexes")

    # The listing queryset, built in one place.
    def events(self):
        return (
            public_pages(EventPage.objects.child_of(self))
            .select_related("region", "locale")
            .prefetch_related("speakers")
        )

    def upcoming_events(self, now=None):
        now = now or timezone.now()
        return self.events().filter(end__gte=now).order_by("start", "pk")

    @path("ics/")
    def calendar_feed(self, request):
        from events.calendar import feed_response

        return feed_response(request, self)

    @path("feed/")
    def news_feed(self, request):
        from events.feeds import UpcomingEventsFeed

        return UpcomingEventsFeed(self)(request)

    @path("submit/", name="submit")
    def submit(self, request):
        return import_string("events.views.submit")(request, self)  # models never import views


class EventPage(RoutablePageMixin, BasePage):
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices, default=EventKind.PANEL)
    start = models.DateTimeField(_("start"), help_text=_("Local time in Belgium (Europe/Brussels)."))
    end = models.DateTimeField(_("end"), help_text=_("Local time in Belgium (Europe/Brussels)."))
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.TextField(_("address"), blank=True, max_length=400)
    region = optional_link("home.Region", _("region"))
    online_url = models.URLField(_("online link"), blank=True, help_text=_("For webinars and hybrid events."))
    organisers = ParentalManyToManyField("home.Organisation", verbose_name=_("organisers"), blank=True)
    organiser_name = models.CharField(
        _("other organiser"),
        max_length=200,
        blank=True,
        help_text=_(
            "An organiser that is not in the list of organisations (e.g. from a partner submission)."
        ),
    )
    audiences = ParentalManyToManyField("home.TargetGroup", verbose_name=_("audiences"), blank=True)
    topics = ParentalManyToManyField("home.CompetenceArea", verbose_name=_("topics"), blank=True)
    languages = LanguagesField(_("languages"), help_text=_("Languages spoken."))
    registration_url = models.URLField(_("registration link"), blank=True)
    capacity_note = models.CharField(
        _("capacity"),
        max_length=200,
        blank=True,
        help_text=_("E.g. '120 places, free, registration required'."),
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))
    programme = StreamField(
        ProgrammeBlock(),
        blank=True,
        verbose_name=_("programme"),
        help_text=_("Job days: the programme of the day."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction", heading=_("Summary")),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("languages"),
                FieldPanel("audiences"),
                FieldPanel("topics"),
            ],
            heading=_("What and when"),
        ),
        MultiFieldPanel(
            [FieldPanel("venue_name"), FieldPanel("address"), FieldPanel("region"), FieldPanel("online_url")],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("organisers"),
                FieldPanel("organiser_name"),
                FieldPanel("registration_url"),
                FieldPanel("capacity_note"),
            ],
            heading=_("Organisers and registration"),
        ),
        InlinePanel("speakers", heading=_("Speakers"), label=_("Speaker"), min_num=0, max_num=30),
        FieldPanel("body"),
        FieldPanel("programme"),
        InlinePanel(
            "exhibitors", heading=_("Exhibiting employers"), label=_("Exhibitor"), min_num=0, max_num=80
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("venue_name"),
        index.FilterField("kind"),
        index.FilterField("start"),
        index.FilterField("end"),
    ]
    override_translatable_fields = [
        *translatable("introduction", "venue_name", "address", "organiser_name", "capacity_note"),
        *translatable("body", "programme"),
        *synchronized("kind", "start", "end", "audiences", "topics", "region", "online_url"),
        *synchronized_codes("languages"),
        *synchronized("organisers", "registration_url", "exhibitors"),
        *translatable("speakers"),
    ]
    api_fields = [
        APIField("introduction"),
        APIField("kind", serializer=ChoiceField()),
        APIField("start"),
        APIField("end"),
        APIField("venue_name"),
        APIField("address"),
        APIField("region", serializer=TermField()),
        APIField("online_url"),
        APIField("organisers", serializer=OrganisationField(many=True)),
        APIField("organiser_name"),
        APIField("audiences", serializer=TermsField()),
        APIField("topics", serializer=TermsField()),
        APIField("languages", serializer=ChoicesField()),
        APIField("registration_url"),
        APIField("capacity_note"),
        APIField("speakers", serializer=SpeakersField()),
        APIField("panel_balance", serializer=PanelBalanceField()),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The end must be after the start.")})

    # -- presentation helpers -----------------------------------------------------------------------------
    def is_past(self, now=None):
        return self.end < (now or timezone.now())

    def same_day(self):
        return timezone.localtime(self.start).date() == timezone.localtime(self.end).date()

    def detail_lookups(self):
        """The speakers (with their directory pages), organisers, audiences and exhibitors: four queries."""
        return [
            Prefetch("speakers", queryset=EventPageSpeaker.objects.select_related("person")),
            "organisers",
            "audiences",
            Prefetch("exhibitors", queryset=EventPageExhibitor.objects.select_related("organisation")),
        ]

    def speaker_list(self):
        cached = self.__dict__.get("_speaker_list")
        if cached is not None:
            return cached
        speakers = list(self.speakers.all())
        if getattr(self, "_details_prefetched", False):
            with_person = [speaker for speaker in speakers if speaker.person_id]
            people = localized(speaker.person for speaker in with_person)  # one query at most
            for speaker, person in zip(with_person, people, strict=True):
                speaker.localized_person = person
            self._speaker_list = speakers
        return speakers

    def balance(self, balanced_share=None):
        if balanced_share is None:
            balanced_share = EventSettings.balanced_share()
        return compute_balance(self.speaker_list(), balanced_share)

    def panel_level(self, balance):
        """The No Women No Panel level a panel shows (badge), None for other kinds of event."""
        return balance.level if self.kind == EventKind.PANEL else None

    def organisers_and_exhibitors(self):
        """(organisers, [(exhibitor row, organisation)]) in the active language, together in one query at most."""
        organisers = list(self.organisers.all())
        prefetched = getattr(self, "_details_prefetched", False)
        rows = list(self.exhibitors.all() if prefetched else self.exhibitors.select_related("organisation"))
        organisations = localized(organisers + [row.organisation for row in rows])
        return organisations[: len(organisers)], list(
            zip(rows, organisations[len(organisers) :], strict=True)
        )

    @path("")
    def detail(self, request):
        return self.render(request)

    @path("ics/")
    def ics(self, request):
        from events.calendar import event_response

        return event_response(request, self)

    def index_feed_url(self, request=None):
        """The events index's Atom feed URL, without loading the index (it is this page's parent)."""
        return self.parent_route_url(EventIndexPage, "news_feed", request=request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["index_feed_url"] = self.index_feed_url(request)
        context["balance"] = balance = self.balance(EventSettings.balanced_share(request))
        context["panel_level"] = self.panel_level(balance)
        context["is_past"] = self.is_past()
        organisers, exhibitors = self.organisers_and_exhibitors()
        context.update(organisers=organisers, exhibitors=exhibitors)
        region = localized(self, "region")
        context["schema_org"] = json_ld(event_json_ld(self, request, organisers, region))
        return context


class EventPageSpeaker(TranslatableMixin, Orderable):
    """A speaker of an event; translatable, so that her job title and organisation are in each language of the
    event (her name, role, gender and directory page are the same in all)."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="speakers")
    person = optional_link("wagtailcore.Page", _("person from the directory"))
    name = models.CharField(
        _("name"), max_length=150, blank=True, help_text=_("Only if the person is not in the directory.")
    )
    affiliation = models.CharField(_("job title and organisation"), max_length=200, blank=True)
    role = models.CharField(
        _("role"), max_length=16, choices=SpeakerRole.choices, default=SpeakerRole.PANELLIST
    )
    gender = models.CharField(
        _("gender (self-declared)"),
        max_length=16,
        choices=Gender.choices,
        blank=True,
        help_text=_("Optional, as declared by the speaker; used only to compute the panel balance."),
    )

    panels = [
        PageChooserPanel("person", page_type="testimonials.TestimonialPage"),
        FieldPanel("name"),
        FieldPanel("affiliation"),
        FieldRowPanel([FieldPanel("role"), FieldPanel("gender")]),
    ]
    override_translatable_fields = [
        *synchronized("name", "role", "gender", "person"),
        *translatable("affiliation"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def clean(self):
        super().clean()
        if not self.person_id and not self.name:
            raise ValidationError({"name": _("Choose a person from the directory or type a name.")})

    @cached_property
    def localized_person(self):
        """The directory page in the active language, or None (EventPage.speaker_list sets it for all its
        speakers at once)."""
        return localized(self.person) if self.person_id else None

    @property
    def display_name(self):
        person = self.localized_person
        return person.title if person else self.name

    @property
    def person_url(self):
        if self.person_id and self.person and is_public(self.person):
            return self.localized_person.url
        return ""

    def __str__(self):
        return self.display_name


class EventPageExhibitor(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="exhibitors")
    organisation = models.ForeignKey(
        "home.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="+"
    )
    stand = models.CharField(_("stand"), max_length=50, blank=True)

    panels = [FieldPanel("organisation"), FieldPanel("stand")]
    override_translatable_fields = synchronized("organisation", "stand")

    class Meta(Orderable.Meta):
        verbose_name = _("exhibitor")
        verbose_name_plural = _("exhibitors")
