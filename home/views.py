"""The home app's own views: the key figures as open data (CSV and JSON), routes of KeyFiguresPage."""

import csv

from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from home.text import csv_safe


def _number(value):
    return None if value is None else float(value)


def _plain(value):
    """A decimal as spreadsheets read it in every language: 18.2, 584000 (never 5.84E+5), "" when empty."""
    return "" if value is None else format(value.normalize(), "f")


def figures_data(page):
    """Every figure of `page`'s language by theme, with its values and source, as plain data."""
    return {
        "language": page.locale.language_code,
        "page": page.full_url,
        "themes": [
            {
                "slug": theme.slug,
                "name": theme.name,
                "figures": [
                    {
                        "slug": figure.slug,
                        "name": figure.name,
                        "unit": figure.unit,
                        "source": {"name": figure.source_name, "url": figure.source_url},
                        "note": figure.note,
                        "values": [
                            {
                                "year": row.year,
                                "area": row.area,
                                "value": _number(row.value),
                                "women": _number(row.value_women),
                                "men": _number(row.value_men),
                            }
                            for row in figure.sorted_values()
                        ],
                    }
                    for figure in figures
                ],
            }
            for theme, figures in page.themes()
        ],
    }


def figures_json(request, page):
    response = JsonResponse(figures_data(page), json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Access-Control-Allow-Origin"] = "*"  # open data, reusable by any partner site
    return response


def figures_csv(request, page):
    """One row per figure, year and area; the headings in the page's language, the values as plain numbers
    (a dot for the decimals, as spreadsheets read them in every language)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="key-figures-{page.locale.language_code}.csv"'
    response.write("\ufeff")  # so that spreadsheets read the file as UTF-8
    writer = csv.writer(response)
    writer.writerow(
        [
            _("Theme"),
            _("Figure"),
            _("Unit"),
            _("Year"),
            _("Area"),
            _("Value"),
            _("Women"),
            _("Men"),
            _("Source"),
            _("Link to the source"),
            _("Note"),
        ]
    )
    for theme, figures in page.themes():
        for figure in figures:
            for row in figure.sorted_values():
                writer.writerow(
                    [
                        csv_safe(theme.name),
                        csv_safe(figure.name),
                        figure.get_unit_display(),
                        row.year,
                        row.get_area_display(),
                        _plain(row.value),
                        _plain(row.value_women),
                        _plain(row.value_men),
                        csv_safe(figure.source_name),
                        figure.source_url,
                        csv_safe(figure.note),
                    ]
                )
    return response
