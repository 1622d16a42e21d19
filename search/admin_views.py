"""The editors' report of what visitors search for: Wagtail's own search terms report (Query and
QueryDailyHits, its date filter, search box and CSV/XLSX export) with what each query finds now in each
site language."""

from functools import partial

from django.utils.functional import cached_property
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.contrib.search_promotions.views.reports import SearchTermsReportView

from home.languages import language_codes, language_name

from . import stats
from .views import results_count


class SearchQueriesReportView(SearchTermsReportView):
    page_title = _("Search queries")
    export_filename = "search-queries"
    # Each row runs the search once per language (cached until published content changes): pages stay short.
    paginate_by = 20

    def dispatch(self, request, *args, **kwargs):
        # Wagtail opens its report to superusers only; this one is for everyone who may use the admin.
        return super(SearchTermsReportView, self).dispatch(request, *args, **kwargs)

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.found = {}  # query string -> {language code: number of results}

    def get(self, request, *args, **kwargs):
        stats.flush()  # the searches this worker still holds in memory
        return super().get(request, *args, **kwargs)

    def results_by_language(self, query):
        """{language code: number of results} of a query now, worked out once per request."""
        if query.query_string not in self.found:
            self.found[query.query_string] = {
                code: results_count(query.query_string, code) for code in language_codes()
            }
        return self.found[query.query_string]

    def results_in(self, query, code):
        return self.results_by_language(query)[code]

    def languages_without_results(self, query):
        found = self.results_by_language(query)
        return ", ".join(str(language_name(code)) for code in language_codes() if not found[code])

    @cached_property
    def fields(self):
        """(column class, name, heading, value of a row, sortable) of each column, for the table and the
        export alike."""
        fields = [
            (Column, "query_string", _("Query"), lambda query: query.query_string, True),
            (NumberColumn, "_hits", _("Searches"), lambda query: query._hits, True),
        ]
        for code in language_codes():
            heading = format_lazy(_("Results: {language}"), language=language_name(code))
            value = partial(self.results_in, code=code)
            fields.append((NumberColumn, f"results_{code}", heading, value, False))
        heading = _("Languages without results")
        fields.append((Column, "languages_without_results", heading, self.languages_without_results, False))
        return fields

    @cached_property
    def columns(self):
        return [
            column(name, label=heading, accessor=value, sort_key=name if sortable else None)
            for column, name, heading, value, sortable in self.fields
        ]

    @cached_property
    def list_export(self):
        return [name for _column, name, _heading, _value, _sortable in self.fields]

    @cached_property
    def export_headings(self):
        return {name: heading for _column, name, heading, _value, _sortable in self.fields}

    def to_row_dict(self, item):
        return {name: value(item) for _column, name, _heading, value, _sortable in self.fields}
