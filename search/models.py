"""The search app's one model: synonyms that editors manage per language (Snippets → Search synonyms).
Searches are counted in Wagtail's Query and QueryDailyHits (wagtail.contrib.search_promotions, see
search/stats.py), which the editors' report reads."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin

from home.fields import synchronized, translatable

from . import forgiving


class SearchSynonym(TranslatableMixin, models.Model):
    """A set of terms that mean the same in one language ("KI", "künstliche Intelligenz", "AI"): a search for
    any of them also finds the others (search/synonyms.py). A translation holds the language's own terms."""

    slug = models.SlugField(
        _("slug"),
        max_length=80,
        help_text=_("Identifies the set in every language; not shown to visitors."),
    )
    terms = models.CharField(
        _("equivalent terms"),
        max_length=500,
        help_text=_(
            "Terms separated by commas, each a word or a few words. A search for any of them also finds "
            "pages with the others, in this language only."
        ),
    )

    panels = [FieldPanel("terms"), FieldPanel("slug")]
    override_translatable_fields = [*translatable("terms"), *synchronized("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("search synonyms")
        verbose_name_plural = _("search synonyms")
        ordering = ["slug"]

    def __str__(self):
        return " / ".join(self.term_list())

    def term_list(self):
        return [text.strip() for text in self.terms.split(",") if forgiving.words(text)]
