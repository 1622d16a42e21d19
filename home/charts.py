"""Charts of the key figures, drawn on the server as SVG (home/includes/figure_chart.html): no JavaScript,
a title and a description a screen reader reads, values written next to the bars and points (readable
without colour), and the same numbers in a data table next to each chart.

`chart(figure)` works out the geometry: a trend (a line per series: everyone, or women and men) when the
figure has several years, bars (women and men) for a single year with that split, nothing otherwise (the
number itself says it all)."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.template.defaultfilters import floatformat
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

WIDTH, HEIGHT = 320, 200  # the viewBox; the picture scales to the width of the column
LEFT, RIGHT, TOP, BOTTOM = 16, 16, 28, 32  # room for the value labels above and the years below


def format_value(value, unit):
    """`value` with its unit, in the active language's number format (18,2 % in French)."""
    decimals = max(0, -Decimal(value).normalize().as_tuple().exponent)  # 18.20 -> 18.2, 584000.00 -> 584,000
    number = floatformat(value, f"{decimals}g")
    formats = {
        "percent": pgettext("key figure value", "%(value)s%%"),
        "points": pgettext("key figure value", "%(value)s percentage points"),
        "per_thousand": pgettext("key figure value", "%(value)s per 1,000"),
        "billion_euros": pgettext("key figure value", "€%(value)s billion"),
    }
    return formats.get(unit, "%(value)s") % {"value": number}


@dataclass
class Point:
    x: float
    y: float
    label: str
    year: int

    @property
    def label_y(self):
        return self.y - 9

    @property
    def anchor(self):
        """Where the value is written: inside the picture at both ends."""
        if self.x <= LEFT:
            return "start"
        return "end" if self.x >= WIDTH - RIGHT else "middle"


@dataclass
class Series:
    name: str
    marker: str  # "circle" or "square": the series differ by shape and line style, not only by colour
    dashed: bool
    points: list = field(default_factory=list)

    @property
    def polyline(self):
        return " ".join(f"{point.x:.1f},{point.y:.1f}" for point in self.points)


@dataclass
class Bar:
    name: str
    width: float
    y: float
    label: str
    hatched: bool
    height: int = 32

    @property
    def name_y(self):
        return self.y - 8

    @property
    def value_x(self):
        return LEFT + self.width + 8

    @property
    def value_y(self):
        return self.y + 22


@dataclass
class Chart:
    kind: str  # "trend" or "bars"
    title: str
    description: str
    series: list = field(default_factory=list)
    bars: list = field(default_factory=list)
    years: list = field(default_factory=list)  # [(x, year)]
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    baseline: float = HEIGHT - BOTTOM
    year_y: float = HEIGHT - 10


def _split(rows):
    return all(row.value_women is not None and row.value_men is not None for row in rows)


def chart(figure):
    """The Chart of `figure` (a KeyFigure with its values), or None when a chart would add nothing."""
    rows = figure.sorted_values()
    if not rows:
        return None
    area = rows[-1].area
    rows = [row for row in rows if row.area == area]
    if len(rows) >= 2:
        return _trend(figure, rows)
    if _split(rows):
        return _bars(figure, rows[0])
    return None


def _trend(figure, rows):
    if _split(rows):
        wanted = [(_("Women"), "value_women", "circle", False), (_("Men"), "value_men", "square", True)]
    else:
        wanted = [(figure.name, "value", "circle", False)]
    top = max(Decimal(getattr(row, attribute)) for row in rows for _name, attribute, *_rest in wanted) or 1
    span_x = WIDTH - LEFT - RIGHT
    span_y = HEIGHT - TOP - BOTTOM
    step = span_x / (len(rows) - 1)
    series = []
    for name, attribute, marker, dashed in wanted:
        line = Series(name=name, marker=marker, dashed=dashed)
        for position, row in enumerate(rows):
            value = getattr(row, attribute)
            x = LEFT + position * step
            y = TOP + span_y * (1 - float(Decimal(value) / top))
            line.points.append(Point(x, y, format_value(value, figure.unit), row.year))
        series.append(line)
    first, last = rows[0], rows[-1]
    description = " ".join(
        [_("From %(first_year)s to %(last_year)s.") % {"first_year": first.year, "last_year": last.year}]
        + [
            _("%(series)s: from %(start)s to %(end)s.")
            % {"series": line.name, "start": line.points[0].label, "end": line.points[-1].label}
            for line in series
        ]
    )
    return Chart(
        kind="trend",
        title=_("%(figure)s, %(first_year)s–%(last_year)s")
        % {"figure": figure.name, "first_year": first.year, "last_year": last.year},
        description=description,
        series=series,
        years=[(point.x, point.year) for point in series[0].points],
    )


def _bars(figure, row):
    top = max(Decimal(row.value_women), Decimal(row.value_men)) or 1
    span = WIDTH - LEFT - RIGHT - 96  # room for the value written after the bar
    bars = [
        Bar(_("Women"), span * float(Decimal(row.value_women) / top), TOP, "", False),
        Bar(_("Men"), span * float(Decimal(row.value_men) / top), TOP + 84, "", True),
    ]
    bars[0].label = format_value(row.value_women, figure.unit)
    bars[1].label = format_value(row.value_men, figure.unit)
    return Chart(
        kind="bars",
        title=_("%(figure)s, %(year)s") % {"figure": figure.name, "year": row.year},
        description=_("Women: %(women)s; men: %(men)s.") % {"women": bars[0].label, "men": bars[1].label},
        bars=bars,
    )
