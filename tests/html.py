"""Reading the pages the test client gets: parsed HTML, the numbers the listings show, and the queries a page
costs."""

import re

from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def text(response):
    return response.content.decode()


def count_queries(client, url, params=None, *, parse=soup):
    """Queries of the second request (the first one warms the caches: site, vocabularies, renditions), and
    the page it gave (`parse`d: a BeautifulSoup by default)."""
    assert client.get(url, params).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries), parse(response)


def result_count(page):
    """The number of results a listing announces; `page` is a response or its HTML."""
    html = page if isinstance(page, str) else text(page)
    match = re.search(r'class="result-count">\s*(\d+)', html)
    assert match, html[:2000]
    return int(match.group(1))


def option_count(page, name, value="1"):
    """The count a listing's filter form shows next to an option (`value` "1": a flag); `page` is a response
    or its HTML."""
    html = page if isinstance(page, str) else text(page)
    match = re.search(rf'data-count="{re.escape(name)}={re.escape(value)}">\((\d+)\)', html)
    assert match, (name, value)
    return int(match.group(1))


def cards(html):
    """The training and initiative cards in a listing's HTML."""
    return len(re.findall(r'<li class="card (?:training|initiative)-card">', html))
