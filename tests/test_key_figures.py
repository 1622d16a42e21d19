"""'Women in Digital in figures': key figures as translatable snippets, shown on their page with an accessible
chart drawn on the server, a data table and the source, and as one to three cards anywhere through a block."""

import csv
import io
import re
from decimal import Decimal

import pytest
from wagtail_localize.models import TranslationSource

from home.factories import (
    FigureThemeFactory,
    KeyFigureFactory,
    KeyFiguresPageFactory,
    KeyFigureValueFactory,
    StandardPageFactory,
    publish,
    translate,
)
from home.models import KeyFigure
from tests.html import count_queries, soup

pytestmark = pytest.mark.django_db


def figure_with_years(**fields):
    """An English figure with three years of values for women and men, its theme translated."""
    fields = {"name": "Women among ICT specialists", "slug": "women-ict", **fields}
    figure = KeyFigureFactory(unit="percent", **fields)
    translate(figure.theme)  # an editor translates the themes before the figures
    for year, women, men in [(2017, "16.5", "83.5"), (2019, "18.2", "81.8"), (2021, "19.4", "80.6")]:
        KeyFigureValueFactory(
            figure=figure, year=year, value=Decimal(women), value_women=Decimal(women), value_men=Decimal(men)
        )
    return figure


def figures_page(home):
    return KeyFiguresPageFactory(parent=home, title="In figures", slug="in-figures")


def test_the_figures_page_shows_each_figure_with_a_chart_its_table_and_its_source(client, home_pages):
    theme = FigureThemeFactory(name="Jobs", slug="jobs")
    figure_with_years(theme=theme)
    page = figures_page(home_pages["en"])

    doc = soup(client.get(page.url))

    assert doc.select_one("h2#theme-jobs").text == "Jobs"
    section = doc.select_one("section.key-figure")
    assert section.select_one("h3").text.strip() == "Women among ICT specialists"
    assert "19.4%" in section.select_one(".key-figure-value").text  # the latest year's value
    svg = section.select_one("svg[role=img]")
    title, desc = svg.select_one("title"), svg.select_one("desc")
    assert svg["aria-labelledby"] == f"{title['id']} {desc['id']}"
    assert title.text == "Women among ICT specialists, 2017–2021"
    assert desc.text == "From 2017 to 2021. Women: from 16.5% to 19.4%. Men: from 83.5% to 80.6%."
    # two series that differ by marker shape and line style, each value written on the chart
    assert len(svg.select("circle")) == 3 and len(svg.select("rect")) == 3
    assert svg.select(".chart-line-dashed")
    assert [text.text for text in svg.select(".chart-value")][:3] == ["16.5%", "18.2%", "19.4%"]
    rows = [[cell.text.strip() for cell in row.select("th, td")] for row in section.select("table tbody tr")]
    assert rows == [
        ["2017", "Belgium", "16.5%", "16.5%", "83.5%"],
        ["2019", "Belgium", "18.2%", "18.2%", "81.8%"],
        ["2021", "Belgium", "19.4%", "19.4%", "80.6%"],
    ]
    assert section.select_one("a[href='https://statbel.example.org/']").text == "Statbel"


def test_a_single_year_split_by_gender_is_drawn_as_labelled_bars(client, home_pages):
    figure = KeyFigureFactory(name="Women in ICT jobs", slug="ict-jobs")
    KeyFigureValueFactory(figure=figure, year=2018, value=15, value_women=15, value_men=85)
    page = figures_page(home_pages["en"])

    svg = soup(client.get(page.url)).select_one("svg[role=img]")

    assert svg.select_one("desc").text == "Women: 15%; men: 85%."
    assert [label.text for label in svg.select(".chart-label")] == ["Women", "Men"]
    bars = svg.select(".chart-bar")
    assert float(bars[0]["width"]) < float(bars[1]["width"])
    assert "chart-bar-hatched" in bars[1]["class"]  # told apart without colour


def test_a_single_value_needs_no_chart_but_keeps_its_table(client, home_pages):
    figure = KeyFigureFactory(name="Unfilled jobs by 2030", slug="unfilled", unit="number")
    KeyFigureValueFactory(figure=figure, year=2030, value=584000)
    page = figures_page(home_pages["en"])

    section = soup(client.get(page.url)).select_one("section.key-figure")

    assert section.select_one("svg") is None
    assert section.select_one(".key-figure-value strong").text == "584,000"
    assert section.select_one("table caption").text == "Unfilled jobs by 2030: the figures"


def test_french_figures_are_translated_and_written_the_french_way(client, home_pages):
    theme = FigureThemeFactory(name="Jobs", slug="jobs")
    translate(theme, texts={"Jobs": {"fr": "Emploi"}})
    figure = figure_with_years(theme=theme, note="Eurostat labour force survey.")
    translate(
        figure,
        texts={
            "Women among ICT specialists": {"fr": "Part des femmes parmi les spécialistes des TIC"},
            "Eurostat labour force survey.": {"fr": "Enquête sur les forces de travail d’Eurostat."},
        },
    )
    page = figures_page(home_pages["en"])
    french = translate(page)["fr"]

    doc = soup(client.get(french.url))

    assert doc.select_one(".figures-theme h2").text == "Emploi"
    section = doc.select_one("section.key-figure")
    assert section.select_one("h3").text.strip() == "Part des femmes parmi les spécialistes des TIC"
    assert section.select_one(".key-figure-value strong").text == "19,4\u00a0%"
    assert section.select_one("svg desc").text == (
        "De 2017 à 2021. Femmes\u00a0: de 16,5\u00a0% à 19,4\u00a0%. Hommes\u00a0: de 83,5\u00a0% à 80,6\u00a0%."
    )
    headers = [cell.text for cell in section.select("thead th")]
    assert headers == ["Année", "Zone", "Valeur", "Femmes", "Hommes"]
    assert "Enquête sur les forces de travail d’Eurostat." in section.text


def test_a_new_year_added_to_the_source_reaches_the_translations_when_synchronised(home_pages):
    figure = figure_with_years()
    french = translate(figure)["fr"]
    KeyFigureValueFactory(
        figure=figure, year=2023, value=Decimal("20.1"), value_women=Decimal("20.1"), value_men=79
    )

    source = TranslationSource.objects.get_for_instance(figure)
    source.update_from_db()
    source.create_or_update_translation(french.locale)

    french = KeyFigure.objects.get(pk=french.pk)
    assert [row.year for row in french.sorted_values()] == [2017, 2019, 2021, 2023]
    assert french.latest_label() == "20.1%"  # English is active: numbers follow the active language


def test_the_figures_page_costs_the_same_queries_for_one_figure_or_seven(client, home_pages):
    page = figures_page(home_pages["en"])
    figure_with_years()
    one, _page = count_queries(client, page.url)
    for number in range(6):
        KeyFigureValueFactory(figure=KeyFigureFactory(slug=f"extra-{number}"), year=2020)

    seven, doc = count_queries(client, page.url)

    assert len(doc.select("section.key-figure")) == 7
    assert seven == one


def test_the_key_figures_block_shows_up_to_three_figures_in_the_page_language(client, home_pages):
    figure = figure_with_years()
    french_figure = translate(figure, texts={figure.name: {"fr": "Femmes parmi les spécialistes TIC"}})["fr"]
    page = StandardPageFactory(
        parent=home_pages["en"],
        slug="about-figures",
        body=[("key_figures", {"heading": "In figures", "figures": [figure]})],
    )
    publish(page)
    french = translate(page, texts={"In figures": {"fr": "En chiffres"}})["fr"]

    english_card = soup(client.get(page.url)).select_one(".figure-card")
    french_doc = soup(client.get(french.url))

    assert english_card.select_one(".figure-card-value").text == "19.4%"
    assert english_card.select_one(".figure-card-name").text == "Women among ICT specialists"
    assert french_doc.select_one(".block-key-figures h2").text == "En chiffres"
    card = french_doc.select_one(".figure-card")
    assert card.select_one(".figure-card-name").text == french_figure.name
    assert card.select_one(".figure-card-value").text == "19,4\u00a0%"
    assert re.search(r"Belgique, 2021", card.select_one(".meta").text)


def test_the_figures_are_open_data_in_csv_and_json_with_their_sources(client, home_pages):
    figure_with_years(note="=HYPERLINK(evil)")
    page = figures_page(home_pages["en"])
    french = translate(page)["fr"]
    translate(
        KeyFigure.objects.get(slug="women-ict"), texts={"Women among ICT specialists": {"fr": "Femmes TIC"}}
    )

    download = soup(client.get(page.url)).select_one(".figures-downloads")
    csv_url, json_url = (link["href"] for link in download.select("a"))
    rows = list(csv.reader(io.StringIO(client.get(french.url + "csv/").content.decode("utf-8-sig"))))
    data = client.get(json_url).json()

    assert csv_url == page.url + "csv/"
    assert rows[0][:6] == ["Thème", "Chiffre", "Unité", "Année", "Zone", "Valeur"]
    assert rows[1][1:9] == [
        "Femmes TIC",
        "Pourcentage",
        "2017",
        "Belgique",
        "16.5",
        "16.5",
        "83.5",
        "Statbel (fr)",  # the factory translation of the source name
    ]
    assert rows[1][10].startswith("'=HYPERLINK(evil)")  # never a formula in a spreadsheet
    assert len(rows) == 4
    figure = data["themes"][0]["figures"][0]  # English
    assert figure["source"] == {"name": "Statbel", "url": "https://statbel.example.org/"}
    assert figure["values"][-1] == {
        "year": 2021,
        "area": "belgium",
        "value": 19.4,
        "women": 19.4,
        "men": 80.6,
    }


def test_a_restricted_figures_page_keeps_its_data_to_itself(client, home_pages):
    from wagtail.models import PageViewRestriction

    figure_with_years()
    page = figures_page(home_pages["en"])
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="secret")

    assert client.get(page.url + "json/").status_code == 200
    assert "Women among ICT specialists" not in client.get(page.url + "json/").content.decode()
    assert "Women among ICT specialists" not in client.get(page.url + "csv/").content.decode()
