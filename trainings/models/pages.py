"""Training catalogue, trainings, initiatives repository and initiatives."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import IntegerField, Value
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from home.api_fields import ChildrenField, ChoiceField, ChoicesField, OrganisationField, TermField, TermsField
from home.fields import (
    ChoiceListField,
    LanguagesField,
    optional_link,
    synchronized,
    synchronized_codes,
    translatable,
)
from home.localization import localize_term_ids, localized
from home.models.pages import BasePage, IndexPage

from .choices import Facility, FundingType, InitiativeKind, TimelineStatus

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h2", "h3"]


def linked_term_ids(page, relations, request=None):
    """{relation: [term ids]} for several many-to-many vocabularies of a page, in one query (a preview reads
    the links being edited instead)."""
    if page.pk is None or getattr(request, "is_preview", False):
        return {name: [term.pk for term in getattr(page, name).all()] for name in relations}
    queries = []
    for position, name in enumerate(relations):
        field = page._meta.get_field(name)
        queries.append(
            field.remote_field.through.objects.filter(**{f"{field.m2m_field_name()}_id": page.pk})
            .annotate(relation=Value(position, output_field=IntegerField()))
            .values_list("relation", f"{field.m2m_reverse_field_name()}_id")
        )
    ids = {name: [] for name in relations}
    for position, pk in queries[0].union(*queries[1:], all=True):
        ids[relations[position]].append(pk)
    return ids


class TrainingCatalogPage(IndexPage):
    """The catalogue of trainings of one language, with facets, CSV export and organisation sections."""

    listing_view = "trainings.views.catalogue"
    subpage_types = ["trainings.TrainingPage"]

    class Meta:
        verbose_name = _("training catalogue")
        verbose_name_plural = _("training catalogues")

    @path("export-csv/")
    def export_csv(self, request):
        return import_string("trainings.views.export_csv")(request, self)

    @path("organisations/<slug:organisation_slug>/")
    def organisation(self, request, organisation_slug):
        return import_string("trainings.views.organisation")(request, self, organisation_slug)


class TrainingPage(BasePage):
    """One training: who gives it, for whom, where, when, in which language and at what cost."""

    provider = optional_link("home.Organisation", _("provider"), related_name="trainings")
    description = RichTextField(_("description"), blank=True, features=RICH_TEXT_FEATURES)
    format = models.ForeignKey(
        "home.Format", verbose_name=_("format"), on_delete=models.PROTECT, related_name="+"
    )
    level = models.ForeignKey(
        "home.Level", verbose_name=_("level"), on_delete=models.PROTECT, related_name="+"
    )
    competence_areas = ParentalManyToManyField(
        "home.CompetenceArea", verbose_name=_("competence areas"), blank=True, related_name="+"
    )
    target_groups = ParentalManyToManyField(
        "home.TargetGroup", verbose_name=_("target groups"), blank=True, related_name="+"
    )
    women_only = models.BooleanField(_("women only"), default=False)
    languages = LanguagesField(
        _("languages of instruction"), blank=False, help_text=_("The languages the training is taught in.")
    )
    region = models.ForeignKey(
        "home.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="+"
    )
    venue = models.CharField(
        _("venue"), max_length=255, blank=True, help_text=_("Address of the venue; leave empty if online.")
    )
    is_free = models.BooleanField(_("free of charge"), default=False)
    price = models.DecimalField(
        _("price in euro"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Leave empty when the training is free."),
    )
    duration = models.CharField(
        _("duration"), max_length=100, blank=True, help_text=_("For example: 6 months.")
    )
    registration_url = models.URLField(_("registration link"), blank=True)
    certification = models.CharField(
        _("certification"),
        max_length=200,
        blank=True,
        help_text=_("Certificate or diploma obtained, if any."),
    )
    facilities = ChoiceListField(_("accessibility and inclusion facilities"), vocabulary=Facility)
    external_reference = models.CharField(
        _("external reference"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_(
            "Identifier used by the CSV import to update this training instead of creating it again."
        ),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction", heading=_("Summary")),
        FieldPanel("provider"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("format"), FieldPanel("level")]),
                FieldPanel("competence_areas", widget=forms.CheckboxSelectMultiple),
                FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
                FieldPanel("women_only"),
                FieldPanel("languages"),
            ],
            heading=_("Content and audience"),
        ),
        MultiFieldPanel(
            [FieldPanel("region"), FieldPanel("venue"), FieldPanel("facilities")],
            heading=_("Place and accessibility"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("is_free"), FieldPanel("price")]),
                FieldPanel("duration"),
                FieldPanel("certification"),
                FieldPanel("registration_url"),
            ],
            heading=_("Practical information"),
        ),
        InlinePanel("sessions", heading=_("Sessions"), label=_("Session"), min_num=0, max_num=50),
        FieldPanel("external_reference"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.SearchField("certification"),
        index.RelatedFields("provider", [index.SearchField("name")]),
        index.FilterField("women_only"),
        index.FilterField("is_free"),
    ]
    override_translatable_fields = [
        *translatable("introduction", "description", "duration", "certification"),
        *synchronized("provider", "format", "level", "competence_areas", "target_groups", "women_only"),
        *synchronized("region", "venue", "is_free", "price", "registration_url"),
        *synchronized_codes("languages", "facilities"),
        *synchronized("sessions", "external_reference"),
    ]
    api_fields = [
        APIField("introduction"),
        APIField("description"),
        APIField("provider", serializer=OrganisationField()),
        APIField("format", serializer=TermField()),
        APIField("level", serializer=TermField()),
        APIField("competence_areas", serializer=TermsField()),
        APIField("target_groups", serializer=TermsField()),
        APIField("women_only"),
        APIField("languages", serializer=ChoicesField()),
        APIField("region", serializer=TermField()),
        APIField("venue"),
        APIField("facilities", serializer=ChoicesField()),
        APIField("is_free"),
        APIField("price"),
        APIField("duration"),
        APIField("certification"),
        APIField("registration_url"),
        APIField("sessions", serializer=ChildrenField(fields=("start_date", "end_date", "location"))),
    ]

    parent_page_types = ["trainings.TrainingCatalogPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("training")
        verbose_name_plural = _("trainings")

    def clean(self):
        super().clean()
        if self.is_free and self.price:
            raise ValidationError({"price": _("A free training has no price.")})
        if not self.is_free and self.price is None:
            raise ValidationError({"price": _("Give a price in euro, or tick 'free of charge'.")})

    def get_context(self, request, *args, **kwargs):
        from home.models import CompetenceArea, TargetGroup
        from trainings.structured_data import course_json_ld

        context = super().get_context(request, *args, **kwargs)
        context["provider"] = provider = localized(self, "provider")
        context["catalogue_url"] = self.parent_url(request)
        if provider is not None:
            context["provider_url"] = self.parent_route_url(
                TrainingCatalogPage, "organisation", provider.slug, request=request
            )
        context["format"] = localized(self, "format")
        context["level"] = localized(self, "level")
        context["region"] = localized(self, "region")
        ids = linked_term_ids(self, ["competence_areas", "target_groups"], request)
        context["competence_areas"] = localize_term_ids(CompetenceArea, ids["competence_areas"])
        context["target_groups"] = localize_term_ids(TargetGroup, ids["target_groups"])
        context["sessions"] = sessions = list(self.sessions.all())
        context["sessions_over"] = sessions_over(sessions, timezone.localdate())
        context["json_ld"] = course_json_ld(
            self, request, provider=provider, sessions=sessions, course_format=context["format"]
        )
        return context


def sessions_over(sessions, today):
    """Whether a training has sessions and every one of them has ended before `today` (nothing left to
    register for)."""
    return bool(sessions) and all((session.end_date or session.start_date) < today for session in sessions)


class TrainingPageSession(Orderable):
    page = ParentalKey(TrainingPage, on_delete=models.CASCADE, related_name="sessions")
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    location = models.CharField(_("location"), max_length=255, blank=True)

    panels = [FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]), FieldPanel("location")]
    override_translatable_fields = synchronized("start_date", "end_date", "location")

    class Meta(Orderable.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        indexes = [
            # a training's next session (catalogue cards and the 'soonest' order)
            models.Index(fields=["page", "start_date"], name="trainings_session_page_start"),
            # the trainings with a session from today on (the 'upcoming' facet), from the index alone
            models.Index(fields=["start_date", "page"], name="trainings_session_start_page"),
        ]

    def clean(self):
        super().clean()
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})


class InitiativeIndexPage(IndexPage):
    """The repository of initiatives: programmes, campaigns, networks and good practices."""

    listing_view = "trainings.views.repository"
    subpage_types = ["trainings.InitiativePage"]

    class Meta:
        verbose_name = _("initiatives repository")
        verbose_name_plural = _("initiatives repositories")


IDENTIFIER_PATTERN = re.compile(r"^BDT-I-(\d+)$")


class InitiativePage(BasePage):
    kind = models.CharField(_("kind"), max_length=20, choices=InitiativeKind.choices)
    description = RichTextField(_("description"), blank=True, features=RICH_TEXT_FEATURES)
    target_groups = ParentalManyToManyField(
        "home.TargetGroup", verbose_name=_("target groups"), blank=True, related_name="+"
    )
    regions = ParentalManyToManyField(
        "home.Region", verbose_name=_("region or geographic scope"), blank=True, related_name="+"
    )
    strategic_objectives = ParentalManyToManyField(
        "home.StrategicObjective", verbose_name=_("strategic objectives"), blank=True, related_name="+"
    )
    funding_type = models.CharField(_("funding type"), max_length=20, choices=FundingType.choices)
    website = models.URLField(_("website"), blank=True)
    identifier = models.CharField(
        _("identifier"),
        max_length=20,
        blank=True,
        editable=False,
        db_index=True,
        help_text=_("Assigned automatically; the same in every language."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("funding_type")]),
                FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
                FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
                FieldPanel("strategic_objectives", widget=forms.CheckboxSelectMultiple),
                FieldPanel("website"),
            ],
            heading=_("Classification"),
        ),
        MultipleChooserPanel(
            "organisations",
            chooser_field_name="organisation",
            heading=_("Organisations involved"),
            label=_("Organisation"),
            min_num=1,
            max_num=20,
        ),
        InlinePanel("timeline", heading=_("Timeline"), label=_("Year"), min_num=0, max_num=40),
        InlinePanel("outcomes", heading=_("Outcomes in figures"), label=_("Outcome"), min_num=0, max_num=12),
        InlinePanel("links", heading=_("Links"), label=_("Link"), min_num=0, max_num=12),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("description"), index.FilterField("kind")]
    override_translatable_fields = [
        *translatable("introduction", "description", "timeline", "outcomes", "links"),
        *synchronized("kind", "funding_type", "target_groups", "regions", "strategic_objectives", "website"),
        *synchronized("organisations"),
    ]
    api_fields = [
        APIField("introduction"),
        APIField("description"),
        APIField("identifier"),
        APIField("kind", serializer=ChoiceField()),
        APIField("funding_type", serializer=ChoiceField()),
        APIField("target_groups", serializer=TermsField()),
        APIField("regions", serializer=TermsField()),
        APIField("strategic_objectives", serializer=TermsField()),
        APIField("website"),
        APIField("organisations", serializer=OrganisationField(many=True, through="organisation")),
        APIField("timeline", serializer=ChildrenField(fields=("year", "description"), choices=("status",))),
        APIField("outcomes", serializer=ChildrenField(fields=("figure", "label"))),
        APIField("links", serializer=ChildrenField(fields=("title", "url"))),
    ]

    parent_page_types = ["trainings.InitiativeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")

    def save(self, *args, **kwargs):
        if not self.identifier:
            self.identifier = self._shared_or_next_identifier()
        return super().save(*args, **kwargs)

    def _shared_or_next_identifier(self):
        siblings = InitiativePage.objects.filter(translation_key=self.translation_key).exclude(identifier="")
        shared = siblings.exclude(pk=self.pk).values_list("identifier", flat=True).first()
        if shared:
            return shared
        numbers = [
            int(match.group(1))
            for value in InitiativePage.objects.exclude(identifier="").values_list("identifier", flat=True)
            if (match := IDENTIFIER_PATTERN.match(value))
        ]
        return f"BDT-I-{max(numbers, default=0) + 1:04d}"

    def organisations_involved(self):
        """The organisations involved, in the active language (two queries at most)."""
        links = self.organisations.select_related("organisation")
        return localized(link.organisation for link in links)

    def cite_as(self, request=None, organisations=None):
        if organisations is None:
            organisations = self.organisations_involved()
        names = ", ".join(org.name for org in organisations)
        year = self.first_published_at.year if self.first_published_at else ""
        url = self.get_full_url(request) or ""
        return gettext(
            "%(organisations)s. %(title)s. Be Digital Together, initiative %(identifier)s (%(year)s). %(url)s"
        ) % {
            "organisations": names,
            "title": self.title,
            "identifier": self.identifier,
            "year": year,
            "url": url,
        }

    def get_context(self, request, *args, **kwargs):
        from home.models import Region, StrategicObjective, TargetGroup

        context = super().get_context(request, *args, **kwargs)
        context["organisations"] = organisations = self.organisations_involved()
        ids = linked_term_ids(self, ["target_groups", "regions", "strategic_objectives"], request)
        context["target_groups"] = localize_term_ids(TargetGroup, ids["target_groups"])
        context["regions"] = localize_term_ids(Region, ids["regions"])
        context["objectives"] = localize_term_ids(StrategicObjective, ids["strategic_objectives"])
        context["cite_as"] = self.cite_as(request, organisations)
        context["initiatives_url"] = self.parent_url(request)
        context["catalogue"] = TrainingCatalogPage.for_locale(self.locale_id)
        return context


class InitiativePageOrganisation(Orderable):
    page = ParentalKey(InitiativePage, on_delete=models.CASCADE, related_name="organisations")
    organisation = models.ForeignKey(
        "home.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("organisation")]
    override_translatable_fields = synchronized("organisation")

    class Meta(Orderable.Meta):
        verbose_name = _("organisation involved")
        verbose_name_plural = _("organisations involved")


class InitiativePageTimelineEntry(TranslatableMixin, Orderable):
    """A year of an initiative's history; translatable, as are its outcomes and links (wagtail-localize
    translates the text of inline children that are)."""

    page = ParentalKey(InitiativePage, on_delete=models.CASCADE, related_name="timeline")
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(_("status"), max_length=20, choices=TimelineStatus.choices)
    description = models.TextField(_("what happened"), blank=True, max_length=600)

    panels = [FieldRowPanel([FieldPanel("year"), FieldPanel("status")]), FieldPanel("description")]
    override_translatable_fields = [*synchronized("year", "status"), *translatable("description")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline entries")


class InitiativePageOutcome(TranslatableMixin, Orderable):
    page = ParentalKey(InitiativePage, on_delete=models.CASCADE, related_name="outcomes")
    figure = models.CharField(_("figure"), max_length=30, help_text=_("For example: 1,200 or 45%."))
    label = models.CharField(_("label"), max_length=160, help_text=_("What the figure counts."))

    panels = [FieldPanel("figure"), FieldPanel("label")]
    override_translatable_fields = [*synchronized("figure"), *translatable("label")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")


class InitiativePageLink(TranslatableMixin, Orderable):
    page = ParentalKey(InitiativePage, on_delete=models.CASCADE, related_name="links")
    title = models.CharField(_("title"), max_length=160)
    url = models.URLField(_("URL"))

    panels = [FieldPanel("title"), FieldPanel("url")]
    override_translatable_fields = [*translatable("title"), *synchronized("url")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("link")
        verbose_name_plural = _("links")
