"""The shared vocabularies of the site (DESIGN.md), defined once and used by every app.

Each vocabulary is a small translatable snippet with a *stable slug*: the slug is the same in every
language and is what URLs and filters use, so `?region=wallonia` means the same on /fr/ and /de/.

Pages link to terms with ParentalManyToManyField; wagtail-localize keeps those links synchronised with
the source page, and a translation saves them as its own language's terms (home.translation_sync). A term
not translated into that language stays linked as it is, so pages show terms through
home.localization.localized(), built on the cached map of `localized_terms()` (translation key -> the
active locale's term, one per vocabulary).
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import TranslatableMixin

from bdt_site import content_version
from home.fields import synchronized, translatable


class TaxonomyTerm(TranslatableMixin, models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        help_text=_(
            "Stable identifier used in URLs and filters; the same in every language. Do not change it."
        ),
    )
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order")]
    override_translatable_fields = [*translatable("name", "description"), *synchronized("slug", "sort_order")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="%(app_label)s_%(class)s_unique_slug_locale"
            )
        ]

    def __str__(self):
        return self.name

    @classmethod
    def for_active_locale(cls):
        """All terms of this vocabulary in the active language (cached)."""
        return list(localized_terms(cls).values())


def localized_terms(model) -> dict:
    """Map translation_key -> term of `model` in the active locale, cached until published content changes."""
    language = get_supported_content_language_variant(get_language())

    def build():
        rows = model.objects.filter(locale__language_code=language).order_by("sort_order", "name")
        return {term.translation_key: term for term in rows}

    return content_version.cached(f"taxonomy:{model._meta.label_lower}:{language}", build)


class TargetGroup(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class CompetenceArea(TaxonomyTerm):
    class Kind(models.TextChoices):
        DIGCOMP = "digcomp", _("DigComp area")
        ADVANCED = "advanced", _("Advanced track")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.DIGCOMP)

    panels = [*TaxonomyTerm.panels, FieldPanel("kind")]
    override_translatable_fields = [*TaxonomyTerm.override_translatable_fields, *synchronized("kind")]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("competence area")
        verbose_name_plural = _("competence areas")


class Level(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("level")
        verbose_name_plural = _("levels")


class Format(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("format")
        verbose_name_plural = _("formats")


class Region(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")


class StrategicObjective(TaxonomyTerm):
    number = models.PositiveSmallIntegerField(
        _("number"), help_text=_("Objective number in the strategy (1-5).")
    )

    panels = [FieldPanel("number"), *TaxonomyTerm.panels]
    override_translatable_fields = [*TaxonomyTerm.override_translatable_fields, *synchronized("number")]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("strategic objective")
        verbose_name_plural = _("strategic objectives")
        ordering = ["number"]


TAXONOMY_MODELS = [TargetGroup, CompetenceArea, Level, Format, Region, StrategicObjective]
