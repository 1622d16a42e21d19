"""Role models (testimonials) and the directory of women experts and speakers built from them."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, prefetch_related_objects
from django.utils.module_loading import import_string
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.languages import language_choices, language_codes
from home.localization import localized_term
from home.models import EmailDeliveryMixin
from home.models.pages import BasePage
from home.models.taxonomies import CompetenceArea, Region, TargetGroup, localize, localized_terms
from home.structured_data import json_ld
from home.visibility import public_pages

from .blocks import StoryStreamBlock

CARD_PORTRAIT = "fill-320x320"
DETAIL_PORTRAIT = "fill-480x480"
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


class LanguageCodesField(models.JSONField):
    """A list of site language codes, edited as checkboxes."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=language_choices,
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        unknown = [code for code in value or [] if code not in language_codes()]
        if unknown:
            raise ValidationError(
                _("Unknown language code: %(codes)s."), params={"codes": ", ".join(unknown)}
            )


def speaks_any(codes):
    """Q object: the role model speaks at least one of `codes` (works on SQLite and PostgreSQL)."""
    query = Q(pk__in=[])
    for code in codes:
        query |= Q(languages__icontains=f'"{code}"')
    return query


class TestimonialPageTag(TaggedItemBase):
    """Free expertise tags of a role model."""

    content_object = ParentalKey(
        "testimonials.TestimonialPage", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = _("expertise tag")
        verbose_name_plural = _("expertise tags")


CONSENT_REQUIRED = _(
    "This role model cannot be published without the date on which she agreed to publication. "
    "Enter the consent date, or save a draft until you have it."
)


class TestimonialPageForm(WagtailAdminPageForm):
    """Publishing a role model (or asking moderators to) needs her recorded consent; saving a draft does not."""

    def clean(self):
        cleaned_data = super().clean()
        publishing = bool(self.data.get("action-publish") or self.data.get("action-submit"))
        if publishing and not cleaned_data.get("consent_date") and "consent_date" not in self.errors:
            self.add_error("consent_date", CONSENT_REQUIRED)
        return cleaned_data


class TestimonialIndexPage(RoutablePageMixin, BasePage):
    """The role-model listing, with the experts and speakers directory and the contact form as extra routes."""

    per_page = 12

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["testimonials.TestimonialPage"]
    max_count_per_parent = 1
    template = "testimonials/testimonial_index_page.html"

    class Meta:
        verbose_name = _("role model index page")
        verbose_name_plural = _("role model index pages")

    # -- querysets ------------------------------------------------------------------------------------
    def role_models(self):
        """Every live role model of this index (this index belongs to one locale)."""
        return public_pages(TestimonialPage.objects.child_of(self))

    @path("")
    def listing(self, request):
        return import_string("testimonials.views.listing")(request, self)  # models never import views

    # -- directory ------------------------------------------------------------------------------------
    def experts(self):
        return self.role_models().filter(Q(open_to_speaking=True) | Q(open_to_media=True))

    @path("experts/", name="directory")
    def directory(self, request):
        return import_string("testimonials.views.directory")(request, self)  # models never import views

    @path("experts/<int:expert_id>/contact/", name="contact")
    def contact(self, request, expert_id):
        return import_string("testimonials.views.contact")(request, self, expert_id)


class TestimonialPage(BasePage):
    """A role model: a woman in a digital job telling her story."""

    portrait = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("portrait"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    portrait_alt_text = models.CharField(
        _("portrait alt text"),
        max_length=250,
        blank=True,
        help_text=_("Describe the portrait for people who cannot see it. Required when there is a portrait."),
    )
    job_title = models.CharField(_("job title"), max_length=150)
    employer = models.ForeignKey(
        "home.Organisation",
        verbose_name=_("employer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sector = models.CharField(_("sector"), max_length=32, choices=Sector.choices)
    region = models.ForeignKey(
        "home.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
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
    expertise_tags = ClusterTaggableManager(
        through=TestimonialPageTag,
        blank=True,
        verbose_name=_("expertise tags"),
        help_text=_("Free keywords for her expertise, in addition to the competence areas."),
    )
    languages = LanguageCodesField(_("languages she speaks"))
    contact_email = models.EmailField(
        _("contact e-mail"),
        blank=True,
        help_text=_("Never shown on the site: contact requests from the directory are forwarded to it."),
    )

    base_form_class = TestimonialPageForm
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
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("introduction"),
        TranslatableField("portrait_alt_text"),
        TranslatableField("job_title"),
        TranslatableField("pull_quote"),
        TranslatableField("story"),
        TranslatableField("career_steps"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("portrait"),
        SynchronizedField("employer"),
        SynchronizedField("region"),
        SynchronizedField("sector"),
        SynchronizedField("competence_areas"),
        SynchronizedField("target_groups"),
        SynchronizedField("consent_date"),
        SynchronizedField("open_to_mentoring"),
        SynchronizedField("open_to_speaking"),
        SynchronizedField("open_to_media"),
        SynchronizedField("expertise_tags"),
        SynchronizedField("languages"),
        SynchronizedField("contact_email"),
    ]

    parent_page_types = ["testimonials.TestimonialIndexPage"]
    subpage_types = []
    template = "testimonials/testimonial_page.html"

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

    def prefetch_details(self):
        """Load competence areas, target groups and career steps once (three queries), for the page and its
        structured data. Skipped for unsaved pages; previews keep their in-memory relations."""
        if self.pk and not getattr(self, "_details_prefetched", False):
            self._details_prefetched = True
            prefetch_related_objects([self], "competence_areas", "target_groups", "career_steps")

    def localized_region(self):
        if "_localized_region" in self.__dict__:
            return self._localized_region
        return localized_term(Region, self.region_id)

    @staticmethod
    def attach_localized_regions(role_models):
        """Set the active-language region of each role model (region selected with it), without a query."""
        terms = localized_terms(Region)
        role_models = list(role_models)
        for role_model in role_models:
            region = role_model.region if role_model.region_id else None
            role_model._localized_region = region and terms.get(region.translation_key, region)
        return role_models

    def localized_employer(self):
        """Her employer in this page's language when translated (one query, cached on the page)."""
        if not self.employer_id:
            return None
        if "_localized_employer" not in self.__dict__:
            from home.models import Organisation

            rows = list(
                Organisation.objects.filter(
                    Q(pk=self.employer_id)
                    | Q(
                        locale_id=self.locale_id,
                        translation_key__in=Organisation.objects.filter(pk=self.employer_id).values(
                            "translation_key"
                        ),
                    )
                )
            )
            translated = [row for row in rows if row.locale_id == self.locale_id]
            original = [row for row in rows if row.pk == self.employer_id]
            self._localized_employer = (translated or original or [None])[0]
        return self._localized_employer

    def expertise_tag_list(self):
        if "_expertise_tags" not in self.__dict__:
            self._expertise_tags = list(self.expertise_tags.all())
        return self._expertise_tags

    def localized_competence_areas(self):
        return localize(self.competence_areas.all(), CompetenceArea)

    def localized_target_groups(self):
        return localize(self.target_groups.all(), TargetGroup)

    def language_labels(self):
        spoken = self.languages or []
        return [name for code, name in language_choices() if code in spoken]

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
        return self.portrait.get_rendition(OG_PORTRAIT) if self.portrait_id else None

    def person_json_ld(self, request=None):
        """schema.org Person, as a dict (the template serialises it with json_script)."""
        data = {
            "@context": "https://schema.org",
            "@type": "Person",
            "name": self.title,
            "jobTitle": self.job_title,
            "url": self.get_full_url(request),
            "description": self.get_meta_description(),
            "knowsLanguage": list(self.languages or []),
            "knowsAbout": [term.name for term in self.localized_competence_areas()]
            + [tag.name for tag in self.expertise_tag_list()],
        }
        employer = self.localized_employer()
        if employer:
            data["worksFor"] = {"@type": "Organization", "name": employer.name}
            if employer.website:
                data["worksFor"]["url"] = employer.website
        region = self.localized_region()
        if region:
            data["workLocation"] = {"@type": "Place", "name": region.name}
        if self.portrait_id:
            rendition = self.portrait.get_rendition(DETAIL_PORTRAIT)
            root = request.build_absolute_uri("/")[:-1] if request else ""
            data["image"] = rendition.url if rendition.url.startswith("http") else root + rendition.url
        return data

    def contact_url(self):
        if not self.is_expert:
            return ""
        subpage = TestimonialIndexPage.get_resolver().reverse("contact", self.pk)
        url = self.get_url() or ""
        if url.endswith(f"/{self.slug}/"):  # the index is the parent: no need to load it
            return url[: -len(self.slug) - 1] + subpage
        parent = self.get_parent().specific
        if not isinstance(parent, TestimonialIndexPage):
            return ""
        return parent.url + parent.reverse_subpage("contact", args=[self.pk])

    def get_context(self, request, *args, **kwargs):
        if not getattr(request, "is_preview", False):
            self.prefetch_details()
        context = super().get_context(request, *args, **kwargs)
        context["person_json_ld"] = json_ld(self.person_json_ld(request))
        context["og_image"] = self.get_og_image()
        context["career_steps"] = self.career_steps.all()
        return context


class TestimonialPageCareerStep(TranslatableMixin, Orderable):
    """One step of her career path; translatable (wagtail-localize translates inline children that are)."""

    page = ParentalKey(TestimonialPage, on_delete=models.CASCADE, related_name="career_steps")
    year = models.PositiveSmallIntegerField(_("year"))
    role = models.CharField(_("role"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=150, blank=True)

    panels = [FieldRowPanel([FieldPanel("year"), FieldPanel("role"), FieldPanel("organisation")])]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("career step")
        verbose_name_plural = _("career steps")

    def clean(self):
        super().clean()
        if self.year is not None and not 1950 <= self.year <= 2100:
            raise ValidationError({"year": _("Enter a year between 1950 and 2100.")})


class ContactPurpose(models.TextChoices):
    SPEAKING = "speaking", _("Invitation to speak at an event")
    MEDIA = "media", _("Media or interview request")
    MENTORING = "mentoring", _("Mentoring")
    OTHER = "other", _("Something else")


class ContactRequest(EmailDeliveryMixin, models.Model):
    """A message to an expert sent through the directory: stored first, then forwarded by e-mail."""

    expert = models.ForeignKey(
        TestimonialPage,
        verbose_name=_("expert"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="contact_requests",
    )
    expert_name = models.CharField(_("expert name"), max_length=255)
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail address"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    purpose = models.CharField(_("purpose"), max_length=16, choices=ContactPurpose.choices)
    message = models.TextField(_("message"), max_length=3000)
    language = models.CharField(_("language"), max_length=8, blank=True)
    created_at = models.DateTimeField(_("received at"), auto_now_add=True)

    class Meta:
        verbose_name = _("contact request")
        verbose_name_plural = _("contact requests")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} → {self.expert_name}"

    def build_messages(self, request=None):
        from django.core.mail import EmailMessage
        from django.template.loader import render_to_string

        from home.text import one_line

        context = {
            "contact_request": self,
            "expert_url": self.expert.get_full_url(request) if self.expert else "",
        }
        subject = one_line(render_to_string("testimonials/email/contact_subject.txt", context))
        body = render_to_string("testimonials/email/contact_body.txt", context)
        messages = []
        if self.expert and self.expert.contact_email:
            messages.append(
                EmailMessage(
                    subject,
                    body,
                    settings.DEFAULT_FROM_EMAIL,
                    [self.expert.contact_email],
                    reply_to=[self.email],
                )
            )
        messages.append(
            EmailMessage(
                subject,
                body,
                settings.DEFAULT_FROM_EMAIL,
                list(settings.EDITORS_EMAIL),
                reply_to=[self.email],
            )
        )
        return messages
