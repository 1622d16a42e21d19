"""Role models (testimonials) and the directory of women experts and speakers built from them."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from home.api_fields import (
    ChoiceField,
    ChoicesField,
    ImageField,
    OrganisationField,
    TagsField,
    TermField,
    TermsField,
)
from home.fields import (
    LanguagesField,
    TranslatableTags,
    optional_link,
    synchronized,
    synchronized_codes,
    translatable,
)
from home.listing import with_content_only_in_other_languages
from home.localization import localized
from home.models.pages import BasePage, FormClassPath, IndexPage
from home.structured_data import json_ld, rendition_or_none
from home.visibility import public_pages

from ..blocks import StoryStreamBlock
from ..structured_data import person_json_ld
from .signup_routes import ExpertSignupRoutes

CARD_PORTRAIT = "fill-320x320"
OG_PORTRAIT = "fill-1200x630"


class Sector(models.TextChoices):
    SOFTWARE = "software", _("Software and IT services")
    TELECOM = "telecom", _("Telecommunications")
    FINANCE = "finance", _("Banking and insurance")
    PUBLIC = "public", _("Public sector")
    HEALTH = "health", _("Health care")
    INDUSTRY = "industry", _("Industry and logistics")
    EDUCATION = "education", _("Education and research")
    MEDIA = "media", _("Media and creative industries")
    RETAIL = "retail", _("Retail and e-commerce")
    NON_PROFIT = "non_profit", _("Non-profit sector")


class TestimonialPageTag(TaggedItemBase):
    """Free expertise tags of a role model."""

    content_object = ParentalKey(
        "testimonials.TestimonialPage", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = _("expertise tag")
        verbose_name_plural = _("expertise tags")


# The role models the directory of experts lists (among the public ones): open to speaking or to media requests.
IN_DIRECTORY = Q(open_to_speaking=True) | Q(open_to_media=True)

CONSENT_REQUIRED = _(
    "This role model cannot be published without the date on which she agreed to publication. "
    "Enter the consent date, or save a draft until you have it."
)


class TestimonialIndexPage(ExpertSignupRoutes, IndexPage):
    """The role-model listing, with the experts and speakers directory and the contact form as extra routes, and
    the routes of the experts' own sign-up and self-service (ExpertSignupRoutes)."""

    listing_view = "testimonials.views.listing"
    subpage_types = ["testimonials.TestimonialPage"]

    class Meta:
        verbose_name = _("role model index page")
        verbose_name_plural = _("role model index pages")

    # -- querysets ------------------------------------------------------------------------------------
    def role_models(self):
        """Every live role model of this index (this index belongs to one locale)."""
        return public_pages(TestimonialPage.objects.child_of(self))

    # -- directory ------------------------------------------------------------------------------------
    def experts(self):
        """The experts this directory lists: its public role models open to speaking or media requests
        (IN_DIRECTORY), and those that exist only in other languages (the one policy of home.listing, as on the
        role-model listing); an expert's contact form is reached through any language's directory."""
        return with_content_only_in_other_languages(TestimonialPage, self).filter(IN_DIRECTORY)

    @path("experts/", name="directory")
    def directory(self, request):
        return import_string("testimonials.views.directory")(request, self)  # models never import views

    @path("experts/<int:expert_id>/contact/", name="contact")
    def contact(self, request, expert_id):
        return import_string("testimonials.views.contact")(request, self, expert_id)

    def route_kwargs_in(self, name, kwargs, language_codes):
        """The contact form of an expert is, in another language, the form of her translation there."""
        if name != "contact":
            return super().route_kwargs_in(name, kwargs, language_codes)
        expert = TestimonialPage.objects.filter(pk=kwargs["expert_id"]).only("translation_key").first()
        if expert is None:
            return {}
        translations = public_pages(TestimonialPage.objects.filter(translation_key=expert.translation_key))
        ids = dict(translations.values_list("locale__language_code", "pk"))
        return {code: {"expert_id": ids[code]} for code in language_codes if code in ids}


class TestimonialPage(BasePage):
    """A role model: a woman in a digital job telling her story."""

    portrait = optional_link("wagtailimages.Image", _("portrait"))
    portrait_alt_text = models.CharField(
        _("portrait alt text"),
        max_length=250,
        blank=True,
        help_text=_("Describe the portrait for people who cannot see it. Required when there is a portrait."),
    )
    job_title = models.CharField(_("job title"), max_length=150)
    employer = optional_link("home.Organisation", _("employer"))
    sector = models.CharField(_("sector"), max_length=32, choices=Sector.choices)
    region = optional_link("home.Region", _("region"))
    pull_quote = models.TextField(
        _("pull quote"), max_length=300, blank=True, help_text=_("One striking sentence shown in listings.")
    )
    story = StreamField(StoryStreamBlock(), blank=True, verbose_name=_("story"))
    competence_areas = ParentalManyToManyField(
        "home.CompetenceArea", verbose_name=_("competence areas"), blank=True, related_name="+"
    )
    target_groups = ParentalManyToManyField(
        "home.TargetGroup",
        verbose_name=_("target groups she speaks to"),
        blank=True,
        related_name="+",
    )
    consent_date = models.DateField(
        _("consent date"),
        null=True,
        blank=True,
        help_text=_("When she agreed to the publication of her story and portrait. Needed to publish."),
    )
    open_to_mentoring = models.BooleanField(_("open to mentoring"), default=False)
    open_to_speaking = models.BooleanField(_("open to speaking at events"), default=False)
    open_to_media = models.BooleanField(_("open to media requests"), default=False)
    expertise_tags = TranslatableTags(
        through=TestimonialPageTag,
        blank=True,
        verbose_name=_("expertise tags"),
        help_text=_("Free keywords for her expertise, in addition to the competence areas."),
    )
    languages = LanguagesField(_("languages she speaks"))
    contact_email = models.EmailField(
        _("contact e-mail"),
        blank=True,
        help_text=_("Never shown on the site: contact requests from the directory are forwarded to it."),
    )

    base_form_class = FormClassPath("testimonials.forms.TestimonialPageForm")
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldPanel("portrait"), FieldPanel("portrait_alt_text")],
            heading=_("Portrait"),
        ),
        FieldRowPanel([FieldPanel("job_title"), FieldPanel("employer")]),
        FieldRowPanel([FieldPanel("sector"), FieldPanel("region")]),
        FieldPanel("pull_quote"),
        FieldPanel("story"),
        InlinePanel("career_steps", label=_("Career path"), min_num=0, max_num=20),
        FieldPanel("competence_areas", widget=forms.CheckboxSelectMultiple),
        FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldPanel("open_to_mentoring"),
                FieldPanel("open_to_speaking"),
                FieldPanel("open_to_media"),
                FieldPanel("expertise_tags"),
                FieldPanel("languages"),
                FieldPanel("contact_email"),
            ],
            heading=_("Mentoring, speaking and media"),
        ),
        FieldPanel("consent_date"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("job_title", boost=2),
        index.SearchField("pull_quote"),
        index.SearchField("story"),
        index.RelatedFields("expertise_tags", [index.SearchField("name")]),
        index.FilterField("open_to_speaking"),
        index.FilterField("open_to_media"),
        index.FilterField("sector"),
    ]
    override_translatable_fields = [
        *translatable(
            "title", "slug", "introduction", "portrait_alt_text", "job_title", "pull_quote", "story"
        ),
        *translatable("career_steps", "seo_title", "search_description", "expertise_tags"),
        *synchronized("portrait", "employer", "region", "sector", "competence_areas", "target_groups"),
        *synchronized("consent_date", "open_to_mentoring", "open_to_speaking", "open_to_media"),
        # the tagged items are copied from the source, then the translated tags (expertise_tags) replace them
        *synchronized("tagged_items", "contact_email"),
        *synchronized_codes("languages"),
    ]
    # What the read API shows of her: never her contact address.
    api_fields = [
        APIField("introduction"),
        APIField("job_title"),
        APIField("employer", serializer=OrganisationField()),
        APIField("sector", serializer=ChoiceField()),
        APIField("region", serializer=TermField()),
        APIField("pull_quote"),
        APIField("languages", serializer=ChoicesField()),
        APIField("competence_areas", serializer=TermsField()),
        APIField("target_groups", serializer=TermsField()),
        APIField("expertise_tags", serializer=TagsField(through="tagged_items")),
        APIField("open_to_mentoring"),
        APIField("open_to_speaking"),
        APIField("open_to_media"),
        APIField("portrait", serializer=ImageField(CARD_PORTRAIT, alt_field="portrait_alt_text")),
    ]

    parent_page_types = ["testimonials.TestimonialIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("role model")
        verbose_name_plural = _("role models")

    def save_revision(self, *args, **kwargs):
        self._saving_draft = True  # a revision is a draft: consent is only needed to go live
        try:
            return super().save_revision(*args, **kwargs)
        finally:
            self._saving_draft = False

    def clean(self):
        """Besides the admin form, every other way of going live (workflow approval, scheduled publishing,
        revision.publish(), saving a live page in code) is refused without the consent date."""
        super().clean()
        if self.live and not self.consent_date and not getattr(self, "_saving_draft", False):
            raise ValidationError({"consent_date": CONSENT_REQUIRED})
        if self.portrait_id and not self.portrait_alt_text.strip():
            raise ValidationError(
                {"portrait_alt_text": _("Describe the portrait for people who cannot see it.")}
            )

    # -- presentation helpers (used by templates, the directory and the events app) --------------------
    @property
    def is_expert(self):
        return self.open_to_speaking or self.open_to_media

    def detail_lookups(self):
        """Competence areas, target groups and career steps: three queries."""
        return ["competence_areas", "target_groups", "career_steps"]

    def expertise_tag_list(self):
        if "_expertise_tags" not in self.__dict__:
            self._expertise_tags = list(self.expertise_tags.all())
        return self._expertise_tags

    def availability_labels(self):
        labels = []
        if self.open_to_mentoring:
            labels.append(_("Mentoring"))
        if self.open_to_speaking:
            labels.append(_("Speaking at events"))
        if self.open_to_media:
            labels.append(_("Media requests"))
        return labels

    def get_meta_description(self):
        return self.search_description or self.introduction or self.pull_quote

    def get_og_image(self):
        return rendition_or_none(self.portrait if self.portrait_id else None, OG_PORTRAIT)

    def contact_url(self, request=None):
        if not self.is_expert:
            return ""
        return self.parent_route_url(TestimonialIndexPage, "contact", self.pk, request=request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["employer"] = employer = localized(self, "employer")
        context["person_json_ld"] = json_ld(person_json_ld(self, request, employer))
        context["og_image"] = self.get_og_image()
        context["career_steps"] = self.career_steps.all()
        context["contact_url"] = self.contact_url(request)
        context["full_url"] = self.get_full_url(request)
        return context


class TestimonialPageCareerStep(TranslatableMixin, Orderable):
    """One step of her career path; translatable (wagtail-localize translates inline children that are)."""

    page = ParentalKey(TestimonialPage, on_delete=models.CASCADE, related_name="career_steps")
    year = models.PositiveSmallIntegerField(_("year"))
    role = models.CharField(_("role"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=150, blank=True)

    panels = [FieldRowPanel([FieldPanel("year"), FieldPanel("role"), FieldPanel("organisation")])]
    override_translatable_fields = [*synchronized("year"), *translatable("role", "organisation")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("career step")
        verbose_name_plural = _("career steps")

    def clean(self):
        super().clean()
        if self.year is not None and not 1950 <= self.year <= 2100:
            raise ValidationError({"year": _("Enter a year between 1950 and 2100.")})
