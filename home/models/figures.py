"""'Women in Digital in figures': key figures as translatable snippets, grouped into themes, and the page
that shows them.

A key figure's texts (name, source, note) are translated; its values are numbers, the same in every
language, kept in child rows that follow the source figure when translations are synchronised. Editors
add a year's value as a new row: the page's charts and tables are drawn from the rows (home/charts.py)."""

from django.db import models
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from home import charts
from home.blocks import BodyStreamBlock
from home.fields import synchronized, translatable

from .pages import BasePage
from .taxonomies import TaxonomyTerm


class FigureTheme(TaxonomyTerm):
    """A theme of the key figures (e.g. "Jobs", "Education", "Digital skills")."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("figures theme")
        verbose_name_plural = _("figures themes")


class FigureUnit(models.TextChoices):
    PERCENT = "percent", _("Percentage")
    POINTS = "points", _("Percentage points")
    PER_THOUSAND = "per_thousand", _("Per 1,000 people")
    NUMBER = "number", _("Number")
    BILLION_EUROS = "billion_euros", _("Billions of euros")


class FigureArea(models.TextChoices):
    BELGIUM = "belgium", _("Belgium")
    EUROPEAN_UNION = "eu", _("European Union")
    BRUSSELS = "brussels", _("Brussels-Capital Region")
    FLANDERS = "flanders", _("Flanders")
    WALLONIA = "wallonia", _("Wallonia")


class KeyFigure(TranslatableMixin, index.Indexed, ClusterableModel):
    """One indicator, with a value per year (and area), its source and a note."""

    theme = models.ForeignKey(
        FigureTheme, verbose_name=_("theme"), on_delete=models.PROTECT, related_name="figures"
    )
    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("What is measured, e.g. “Women among ICT specialists”."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        help_text=_("Stable identifier, the same in every language (the figure's anchor on the page)."),
    )
    unit = models.CharField(_("unit"), max_length=16, choices=FigureUnit.choices, default=FigureUnit.PERCENT)
    source_name = models.CharField(_("source"), max_length=200)
    source_url = models.URLField(_("link to the source"), blank=True)
    note = models.TextField(
        _("note"), blank=True, help_text=_("What the figure covers, how it was measured.")
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    panels = [
        FieldPanel("theme"),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("unit"),
        InlinePanel("values", label=_("Values"), min_num=1, heading=_("Values by year")),
        FieldPanel("source_name"),
        FieldPanel("source_url"),
        FieldPanel("note"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale")]
    override_translatable_fields = [
        # the theme is a translatable snippet: each translation points at the theme in its own language
        *translatable("theme", "name", "source_name", "note"),
        *synchronized("slug", "unit", "source_url", "sort_order", "values"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_key_figure_slug_locale")
        ]

    def __str__(self):
        return self.name

    def sorted_values(self):
        """The values, oldest year first (read from prefetched rows when there are)."""
        return sorted(self.values.all(), key=lambda row: (row.year, row.area))

    def latest(self):
        """The most recent value (of the first area listed that year), or None."""
        rows = self.sorted_values()
        if not rows:
            return None
        year = rows[-1].year
        return next(row for row in rows if row.year == year)

    def latest_label(self):
        """The most recent value with its unit, in the active language's number format."""
        row = self.latest()
        return charts.format_value(row.value, self.unit) if row else ""

    def chart(self):
        return charts.chart(self)

    def has_split(self):
        return any(row.value_women is not None or row.value_men is not None for row in self.values.all())


class KeyFigureValue(Orderable):
    """A figure's value for one year and area; numbers only, so the same in every language."""

    figure = ParentalKey(KeyFigure, on_delete=models.CASCADE, related_name="values")
    year = models.PositiveSmallIntegerField(_("year"))
    area = models.CharField(_("area"), max_length=16, choices=FigureArea.choices, default=FigureArea.BELGIUM)
    value = models.DecimalField(
        _("value"),
        max_digits=12,
        decimal_places=2,
        help_text=_("For everyone, or for women when that is the figure."),
    )
    value_women = models.DecimalField(_("women"), max_digits=12, decimal_places=2, null=True, blank=True)
    value_men = models.DecimalField(_("men"), max_digits=12, decimal_places=2, null=True, blank=True)

    panels = [
        FieldPanel("year"),
        FieldPanel("area"),
        FieldPanel("value"),
        FieldPanel("value_women"),
        FieldPanel("value_men"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("value")
        verbose_name_plural = _("values")
        constraints = [
            models.UniqueConstraint(fields=["figure", "year", "area"], name="unique_key_figure_year_area")
        ]

    def __str__(self):
        return f"{self.year} {self.get_area_display()}: {self.value}"


class KeyFiguresPage(RoutablePageMixin, BasePage):
    """'Women in Digital in figures': every key figure of the page's language, by theme, each with a chart
    drawn on the server, its data table and its source; the same figures as open data at csv/ and
    json/ (home/views.py)."""

    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*BasePage.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    override_translatable_fields = [*BasePage.override_translatable_fields, *translatable("body")]

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("key figures page")
        verbose_name_plural = _("key figures pages")

    def themes(self):
        """[(theme, [figures])] of this page's language, in the themes' order; themes without figures left out.
        Three queries whatever the number of figures."""
        figures = (
            KeyFigure.objects.filter(locale_id=self.locale_id)
            .select_related("theme")
            .prefetch_related("values")
            .order_by("theme__sort_order", "theme__name", "sort_order", "name")
        )
        grouped = {}
        for figure in figures:
            grouped.setdefault(figure.theme, []).append(figure)
        return list(grouped.items())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["themes"] = self.themes()
        return context

    @path("csv/", name="csv")
    def figures_csv(self, request):
        return import_string("home.views.figures_csv")(request, self)

    @path("json/", name="json")
    def figures_json(self, request):
        return import_string("home.views.figures_json")(request, self)
