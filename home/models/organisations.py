from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from home.fields import optional_link, synchronized, translatable
from home.translation_sync import LocalizedLinksMixin

from .pages import FormClassPath


class OrganisationKind(models.TextChoices):
    TRAINING_PROVIDER = "training_provider", _("Training provider")
    EMPLOYER = "employer", _("Employer")
    PUBLIC_BODY = "public_body", _("Public body")
    NON_PROFIT = "non_profit", _("Non-profit organisation")
    NETWORK = "network", _("Network or federation")
    EDUCATION = "education", _("School or university")


class Organisation(LocalizedLinksMixin, TranslatableMixin, index.Indexed, models.Model):
    """A partner: training provider, employer, public body or non-profit (a translatable snippet); its
    region is saved in the organisation's own language (LocalizedLinksMixin)."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=100, help_text=_("Stable identifier, the same in every language.")
    )
    kind = models.CharField(_("kind"), max_length=32, choices=OrganisationKind.choices)
    logo = optional_link("wagtailimages.Image", _("logo"))
    website = models.URLField(_("website"), blank=True)
    region = optional_link("home.Region", _("region"))
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("logo"),
        FieldPanel("website"),
        FieldPanel("region"),
        FieldPanel("description"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("locale"),
    ]
    base_form_class = FormClassPath("home.admin_forms.LocaleChoicesModelForm")
    override_translatable_fields = [
        *translatable("name", "description"),
        *synchronized("slug", "kind", "website", "logo", "region"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_organisation_slug_locale")
        ]

    def __str__(self):
        return self.name
