"""The "Translation status" admin report: per language, the pages still to translate.

Pages are grouped by translation key (one group = one page in its languages). In each group the *source* is
the page wagtail-localize translates from (the locale of its TranslationSource), or else the English page,
or else the oldest. For every other site language, a group whose source is live gets one row when that
language is behind:

- missing: no page in that language (or only an alias, which shows the source's text);
- not published: the translation exists but is a draft (as "Translate this page" makes it);
- older than its source: the translation is live, but the source was published after the translation was
  last synchronised from it or after the translation was last published (for a page made without
  wagtail-localize, after the translation was last published).

Rows carry the section (the page's top-level parent under the home page) and the page type, the two
filters beside language and status; the counts per language and status are shown above the rows.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime

import django_filters
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from home.admin_reports import EditorialReportView

# A section is the top-level parent of a page: the child of a home page (home pages are at depth 2).
SECTION_DEPTH = 3
STEPLEN = Page.steplen


class Status(models.TextChoices):
    MISSING = "missing", _("Missing")
    DRAFT = "draft", _("Not published")
    OUTDATED = "outdated", _("Older than its source")


@dataclass(frozen=True)
class PageInfo:
    pk: int
    translation_key: str
    locale_id: int
    content_type_id: int
    title: str
    live: bool
    alias_of_id: int | None
    path: str
    depth: int
    last_published_at: datetime | None


@dataclass(frozen=True)
class StatusRow:
    status: str
    locale: Locale
    source: PageInfo
    translation: PageInfo | None
    section_key: str
    section: str
    page_type: str
    content_type_id: int

    @property
    def title(self):
        return self.source.title

    @property
    def language(self):
        return self.locale.get_display_name()

    @property
    def status_label(self):
        return Status(self.status).label

    @property
    def source_published(self):
        published = self.source.last_published_at
        return date_format(timezone.localtime(published), "DATETIME_FORMAT") if published else ""

    @property
    def translation_published(self):
        published = self.translation.last_published_at if self.translation else None
        return date_format(timezone.localtime(published), "DATETIME_FORMAT") if published else ""

    @property
    def action(self):
        return _("Translate") if self.status == Status.MISSING else _("Edit the translation")

    @property
    def action_url(self):
        if self.status == Status.MISSING:
            return reverse("wagtail_localize:submit_page_translation", args=[self.source.pk])
        return reverse("wagtailadmin_pages:edit", args=[self.translation.pk])


def _pages():
    fields = list(PageInfo.__dataclass_fields__)
    return [PageInfo(**values) for values in Page.objects.filter(depth__gt=1).values(*fields)]


def _source_of(group, source_locales, default_locale_id):
    """The page of `group` ({locale id: page}) the others are translated from."""
    for locale_id in source_locales:
        if locale_id in group:
            return group[locale_id]
    if default_locale_id in group:
        return group[default_locale_id]
    return min(group.values(), key=lambda page: page.pk)


def _is_outdated(source, translation, synchronised_at):
    """Whether the live `translation` was last synchronised or published before `source` was published."""
    if source.last_published_at is None:
        return False
    if translation.last_published_at is None or source.last_published_at > translation.last_published_at:
        return True
    return synchronised_at is not None and source.last_published_at > synchronised_at


def _status(source, translation, synchronised_at):
    if translation is None or translation.alias_of_id is not None:
        return Status.MISSING
    if not translation.live:
        return Status.DRAFT
    if _is_outdated(source, translation, synchronised_at):
        return Status.OUTDATED
    return None


def translation_status_rows():
    """[StatusRow] of every site language behind its source, by section, page path and language."""
    locales = {locale.pk: locale for locale in Locale.objects.all()}
    default_locale_id = Locale.get_default().pk
    pages = _pages()
    groups = defaultdict(dict)
    for page in pages:
        groups[page.translation_key][page.locale_id] = page
    by_path = {page.path: page for page in pages if page.depth == SECTION_DEPTH}

    # {translation key: [(source locale id, TranslationSource id, last synchronised)]}, newest first.
    sources = defaultdict(list)
    source_values = TranslationSource.objects.filter(object_id__in=groups.keys()).values_list(
        "object_id", "locale_id", "pk", "last_updated_at"
    )
    for key, locale_id, source_pk, updated in sorted(source_values, key=lambda value: value[3], reverse=True):
        sources[str(key)].append((locale_id, source_pk, updated))
    targets = set(Translation.objects.values_list("source_id", "target_locale_id"))

    type_names = {}
    section_titles = _section_titles(groups, by_path, locales)
    rows = []
    for key, group in groups.items():
        source = _source_of(group, [locale_id for locale_id, _pk, _at in sources[key]], default_locale_id)
        if not source.live:
            continue
        source_pk = next((pk for locale_id, pk, _at in sources[key] if locale_id == source.locale_id), None)
        synchronised_at = next(
            (at for locale_id, _pk, at in sources[key] if locale_id == source.locale_id), None
        )
        section = (
            by_path.get(source.path[: SECTION_DEPTH * STEPLEN]) if source.depth >= SECTION_DEPTH else None
        )
        section_key = section.translation_key if section else source.translation_key
        if source.content_type_id not in type_names:
            model = ContentType.objects.get_for_id(source.content_type_id).model_class()
            type_names[source.content_type_id] = model._meta.verbose_name if model else ""
        for locale_id, locale in locales.items():
            if locale_id == source.locale_id:
                continue
            translation = group.get(locale_id)
            synced = translation and (source_pk, locale_id) in targets
            status = _status(source, translation, synchronised_at if synced else None)
            if status is None:
                continue
            rows.append(
                StatusRow(
                    status=status,
                    locale=locale,
                    source=source,
                    translation=translation,
                    section_key=str(section_key),
                    section=section_titles.get(str(section_key), source.title),
                    page_type=str(type_names[source.content_type_id]).capitalize(),
                    content_type_id=source.content_type_id,
                )
            )
    rows.sort(key=lambda row: (row.section.lower(), row.source.path, row.locale.language_code))
    return rows


def _section_titles(groups, by_path, locales):
    """{section translation key: title in the admin's language, or else in its source's}."""
    codes = {locale.language_code: pk for pk, locale in locales.items()}
    admin_locale_id = codes.get((get_language() or "").split("-")[0])
    titles = {}
    for section in by_path.values():
        key = str(section.translation_key)
        in_admin_language = groups[section.translation_key].get(admin_locale_id)
        if in_admin_language is not None:
            titles[key] = in_admin_language.title
        else:
            titles.setdefault(key, section.title)
    return titles


class TranslationStatusFilterSet(django_filters.FilterSet):
    """The report's filters; they select among the computed rows (TranslationStatusReportView.filter_queryset)."""

    locale = django_filters.ChoiceFilter(
        label=_("Language"), empty_label=_("All"), widget=forms.RadioSelect, choices=()
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), empty_label=_("All"), widget=forms.RadioSelect, choices=Status.choices
    )
    section = django_filters.ChoiceFilter(label=_("Section"), empty_label=_("All"), choices=())
    page_type = django_filters.ChoiceFilter(label=_("Page type"), empty_label=_("All"), choices=())

    def __init__(self, *args, rows=(), **kwargs):
        # The rows are not a queryset: an empty one stands in for django-filter, which needs one.
        super().__init__(*args, queryset=Page.objects.none(), **kwargs)
        self.filters["locale"].extra["choices"] = [
            (locale.language_code, locale.get_display_name()) for locale in Locale.objects.order_by("pk")
        ]
        self.filters["section"].extra["choices"] = sorted(
            {(row.section_key, row.section) for row in rows}, key=lambda choice: choice[1].lower()
        )
        self.filters["page_type"].extra["choices"] = sorted(
            {(str(row.content_type_id), row.page_type) for row in rows}, key=lambda choice: choice[1]
        )


def select(rows, locale="", status="", section="", page_type=""):
    """The rows matching every given filter value (an empty value matches all)."""
    return [
        row
        for row in rows
        if (not locale or row.locale.language_code == locale)
        and (not status or row.status == status)
        and (not section or row.section_key == section)
        and (not page_type or str(row.content_type_id) == page_type)
    ]


def counts_by_language(rows):
    """[(language name, {status: count}, total)] in the order of the locales, every language listed."""
    counted = Counter((row.locale.pk, row.status) for row in rows)
    table = []
    for locale in Locale.objects.order_by("pk"):
        per_status = {status.value: counted[(locale.pk, status.value)] for status in Status}
        table.append((locale.get_display_name(), per_status, sum(per_status.values())))
    return table


class TranslationStatusReportView(EditorialReportView):
    page_title = _("Translation status")
    header_icon = "site"
    paginate_by = 50
    results_template_name = "home/admin/translation_status_results.html"
    filterset_class = TranslationStatusFilterSet
    list_export = ["title", "section", "page_type", "language", "status_label", "source_published"]
    export_headings = {
        "title": _("Page"),
        "section": _("Section"),
        "page_type": _("Page type"),
        "language": _("Language"),
        "status_label": _("Status"),
        "source_published": _("Source published"),
    }

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=_("Page"),
                get_url=lambda row: reverse("wagtailadmin_pages:edit", args=[row.source.pk]),
            ),
            Column("section", label=_("Section")),
            Column("page_type", label=_("Page type")),
            Column("language", label=_("Language")),
            Column("status_label", label=_("Status")),
            Column("source_published", label=_("Source published")),
            Column("translation_published", label=_("Translation published")),
            TitleColumn("action", label=_("Action"), get_url=lambda row: row.action_url),
        ]

    @cached_property
    def all_rows(self):
        return translation_status_rows()

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "rows": self.all_rows}

    def get_queryset(self):
        return self.all_rows

    def _filter_values(self):
        if self.filters and self.filters.is_valid():
            return {name: value or "" for name, value in self.filters.form.cleaned_data.items()}
        return {}

    def filter_queryset(self, queryset):
        return select(queryset, **self._filter_values())

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        values = self._filter_values()
        # The counts follow the section and page type chosen, and show every language and status.
        scope = select(
            self.all_rows, section=values.get("section", ""), page_type=values.get("page_type", "")
        )
        context["status_counts"] = counts_by_language(scope)
        context["statuses"] = Status
        return context
