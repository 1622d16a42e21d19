"""Every search is counted once, also those nginx answers from its cache: without nginx the search view counts;
behind nginx (X-Edge-Counts-Searches: 1) nginx writes each search request to its searches log and
`manage.py count_edge_searches` counts the new lines (search/edge_log.py). Here on lines written by hand; with
the log a real nginx wrote in tests/test_cache.py."""

import fcntl
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Sum
from django.test import override_settings
from wagtail.contrib.search_promotions.models import QueryDailyHits

from search.edge_log import MalformedLine, parse_line


def _searches(query):
    """How often `query` was counted, from Wagtail's own search statistics."""
    return QueryDailyHits.objects.filter(query__query_string=query).aggregate(n=Sum("hits"))["n"] or 0


def _count(log):
    out = StringIO()
    call_command("count_edge_searches", log=str(log), stdout=out, stderr=StringIO())
    return out.getvalue()


# --- The search view -------------------------------------------------------------------------------------------


@pytest.mark.django_db
@override_settings(SEARCH_STATS_FLUSH_HITS=1)
def test_without_nginx_the_view_counts_and_behind_nginx_it_leaves_it_to_the_log(client, general_pages):
    assert client.get("/nl/search/", {"q": "iedereen"}).status_code == 200
    assert _searches("iedereen") == 1  # without nginx (make run), the view counts
    behind_nginx = client.get("/nl/search/", {"q": "iedereen"}, HTTP_X_EDGE_COUNTS_SEARCHES="1")
    assert "Toegankelijkheidsverklaring" in behind_nginx.content.decode()
    assert _searches("iedereen") == 1  # counted from nginx's log instead


# --- The lines of nginx's log (log_format bdt_searches) ----------------------------------------------------------


def test_a_log_line_gives_the_query_and_language_the_view_would_count():
    assert parse_line(b"1764520000.123 GET 200 /en/search/?q=wombat").counted_query() == ("wombat", "en")
    percent_encoded = parse_line(b"1764520000.456 GET 200 /fr/search/?q=d%C3%A9veloppeuses&type=trainings")
    assert percent_encoded.counted_query() == ("développeuses", "fr")
    # A client that sent raw UTF-8: nginx wrote its bytes as \xHH (escape=default).
    raw_bytes = parse_line(rb"1764520000.789 GET 200 /de/search/?q=K\xC3\xBCnstliche+Intelligenz")
    assert raw_bytes.counted_query() == ("Künstliche Intelligenz", "de")
    assert parse_line(b"1764520001.000 GET 304 /nl/search/?q=%20iedereen%20&page=1").counted_query() == (
        "iedereen",
        "nl",
    )
    assert parse_line(b"1764520001.100 GET 200 /nl/search/?q=x&page=zero").counted_query() == ("x", "nl")


@pytest.mark.parametrize(
    "line",
    [
        b"1764520000.123 GET 200 /en/search/?q=wombat&page=2",  # a further result page
        b"1764520000.123 GET 200 /en/search/?q=",  # nothing searched
        b"1764520000.123 GET 200 /en/search/?q=%E2%80%8B%20",  # nothing but invisible characters
        b"1764520000.123 GET 200 /en/search/",
        b"1764520000.123 HEAD 200 /en/search/?q=wombat",
        b"1764520000.123 POST 405 /en/search/?q=wombat",
        b"1764520000.123 GET 400 /en/search/?q=wombat%00",  # refused by Django
        b"1764520000.123 GET 404 /xx/search/?q=wombat",
        b"1764520000.123 GET 200 /en/search/autocomplete/?q=wombat",
    ],
)
def test_a_log_line_of_no_new_search_counts_nothing(line):
    assert parse_line(line).counted_query() is None


@pytest.mark.parametrize(
    "line",
    [
        b"",
        b"not a line of nginx's",
        b"1764520000.123 GET 200",
        b"1764520000.123 GET 200 /en/search/?q=wombat extra",
        b"1764520000.123 GET 200 /en/search/?q=w\xc3\xa9",  # nginx escapes every non-ASCII byte
        b"1764520000.123 GET 200 /en/search%FF/?q=wombat",  # not UTF-8
        b"yesterday GET 200 /en/search/?q=wombat",
    ],
)
def test_a_malformed_line_is_refused(line):
    with pytest.raises(MalformedLine):
        parse_line(line)


# --- The command on a log written here ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_command_counts_each_new_search_once_and_waits_for_a_partial_line(tmp_path):
    log = tmp_path / "searches.log"
    log.write_bytes(
        b"1764520000.100 GET 200 /en/search/?q=wombat\n"
        b"1764520000.200 GET 200 /en/search/?q=Wombat&type=events\n"
        b"1764520000.300 GET 200 /fr/search/?q=d%C3%A9veloppeuses\n"
        b"1764520000.400 GET 200 /en/search/?q=wombat&page=2\n"
        b"1764520000.500 GET 200 /en/search/?q=\n"
        b"\x00\x01 this is no log line\n"
        b"1764520000.600 GET 200 /en/search/?q=wom"  # nginx has not written the whole line yet
    )
    assert _count(log).startswith("Counted 3 of 6 new lines")
    assert (_searches("wombat"), _searches("développeuses")) == (2, 1)
    assert _count(log).startswith("Counted 0 of 0 new lines")  # nothing counted twice
    assert _searches("wombat") == 2
    with log.open("ab") as more:
        more.write(b"bat\n1764520001.000 GET 200 /de/search/?q=wombat\n")
    assert _count(log).startswith("Counted 2 of 2 new lines")
    assert _searches("wombat") == 4


@pytest.mark.django_db
def test_after_a_rotation_the_rest_of_the_old_log_then_the_new_one_are_counted(tmp_path):
    log = tmp_path / "searches.log"
    log.write_bytes(b"1764520000.100 GET 200 /en/search/?q=quokka\n")
    _count(log)
    with log.open("ab") as more:  # written after the run, before logrotate moved the file
        more.write(b"1764520000.200 GET 200 /en/search/?q=quokka\n")
    log.rename(tmp_path / "searches.log.1")
    log.write_bytes(b"1764520000.300 GET 200 /nl/search/?q=quokka\n")  # nginx reopened a new file
    assert _count(log).startswith("Counted 2 of 2 new lines")
    assert _searches("quokka") == 3
    log.write_bytes(b"1764520000.400 GET 200 /en/search/?q=emu\n")  # truncated in place, then written
    assert _count(log).startswith("Counted 1 of 1 new lines")
    assert (_searches("quokka"), _searches("emu")) == (3, 1)


@pytest.mark.django_db
def test_while_one_run_counts_another_counts_nothing(tmp_path):
    log = tmp_path / "searches.log"
    log.write_bytes(b"1764520000.100 GET 200 /en/search/?q=numbat\n")
    with open(f"{log}.state", "a+b") as state:
        fcntl.flock(state, fcntl.LOCK_EX)  # the lock a run holds while it counts
        err = StringIO()
        call_command("count_edge_searches", log=str(log), stdout=StringIO(), stderr=err)
        assert "Another run is counting" in err.getvalue()
        assert _searches("numbat") == 0
    assert _count(log).startswith("Counted 1 of 1 new lines")
    assert _searches("numbat") == 1
