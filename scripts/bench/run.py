"""Measures the pages of scripts/bench.sh with wrk and counts their SQL queries; prints a table, writes JSON.

Run by scripts/bench.sh (which sets the production environment); not a test."""

import argparse
import datetime
import json
import os
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def discover(notes, engine):
    """(name, path) of the pages to measure; missing page types are noted and skipped."""
    import django

    django.setup()
    from django.apps import apps
    from wagtail.models import Page

    def first_url(app_label, model_name):
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            return None
        page = model.objects.live().filter(locale__language_code="en").order_by("path").first()
        return page.get_url() if page else None

    targets = [("home", "/en/")]
    catalogue = first_url("trainings", "TrainingCatalogPage") or first_url("trainings", "TrainingIndexPage")
    if catalogue:
        targets.append(("catalogue", catalogue))
        filters = catalogue_filters(catalogue)
        if filters:
            targets.append(("catalogue filtered", f"{catalogue}?{filters}"))
        else:
            notes.append("catalogue filtered: no filter found in the catalogue's form")
    else:
        notes.append("catalogue, catalogue filtered: no live trainings catalogue page yet")
    for name, app, model in [("training", "trainings", "TrainingPage"), ("event", "events", "EventPage")]:
        url = first_url(app, model)
        if url:
            targets.append((name, url))
        else:
            notes.append(f"{name}: no live {app}.{model} yet")
    targets.append(("search", "/en/search/?q=digital"))
    if engine:
        targets.append(("search, OpenSearch", "/en/search/?q=digital"))
    del Page
    return targets


def catalogue_filters(path):
    from django.test import Client

    html = Client(HTTP_HOST="127.0.0.1").get(path).content.decode()
    pairs = []
    for name, value in re.findall(
        r'<input[^>]*type="checkbox"[^>]*name="([\w-]+)"[^>]*value="([^"]+)"', html
    ):
        if name not in {p[0] for p in pairs}:
            pairs.append((name, value))
    for name, options in re.findall(r'<select[^>]*name="([\w-]+)"[^>]*>(.*?)</select>', html, flags=re.S):
        values = [v for v in re.findall(r'<option[^>]*value="([^"]+)"', options) if v]
        if values and name not in {p[0] for p in pairs}:
            pairs.append((name, values[0]))
    return "&".join(f"{n}={v}" for n, v in pairs[:2])


def count_queries(path, backend):
    """(status, queries of a cold request, queries of an uncached one) of `path`: cold recomputes the facet
    counts and result ids that the results cache otherwise keeps (RESULTS_CACHE_SECONDS = 0)."""
    from django.conf import settings
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from search.backend_settings import build_search_backends

    backends = build_search_backends(
        backend, url=settings.SEARCH_URL, index_prefix=settings.SEARCH_INDEX_PREFIX, timeout=30
    )
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        client = Client(HTTP_HOST="127.0.0.1")
        client.get(path)  # warm: renditions, template and settings caches, as a running server has them
        reset_queries()
        with override_settings(RESULTS_CACHE_SECONDS=0), CaptureQueriesContext(connection) as cold:
            response = client.get(path)
        with CaptureQueriesContext(connection) as uncached:
            client.get(path)
    return response.status_code, len(cold), len(uncached)


def wrk(url, duration, headers=()):
    command = ["wrk", "-t2", "-c16", f"-d{duration}s", "--latency", url]
    for header in headers:
        command += ["-H", header]
    output = subprocess.run(command, capture_output=True, text=True, check=False).stdout

    def latency(label):
        match = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", output, flags=re.M)
        if not match:
            return None
        value, unit = float(match.group(1)), match.group(2)
        return round(value * {"us": 0.001, "ms": 1, "s": 1000}[unit], 2)

    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(r"Socket errors:.*", output)
    return {
        "rps": float(rps.group(1)) if rps else None,
        "p50_ms": latency(50),
        "p99_ms": latency(99),
        "non_2xx": int(non2xx.group(1)) if non2xx else 0,
        "socket_errors": errors.group(0) if errors else "",
    }


def print_sizes(paths):
    """The cold and uncached catalogue at each size measured (the JSON files of --size runs)."""
    reports = [json.loads(Path(path).read_text()) for path in paths if Path(path).exists()]
    header = (
        f"{'trainings':>10}  {'page':<20}{'SQL cold':>9}  {'cold r/s p50/p99 ms':>24}  {'uncached r/s':>13}"
    )
    print("\nCatalogue by size\n" + header + "\n" + "-" * len(header))
    for report in reports:
        for row in report["results"]:
            if not row["page"].startswith("catalogue"):
                continue
            cold = row.get("cold") or {}
            print(
                f"{report.get('size', 0):>10,}  {row['page']:<20}{row['sql_queries_cold']:>9}  "
                f"{cold.get('rps') or 0:>9.1f} {cold.get('p50_ms') or 0:>7.1f}/{cold.get('p99_ms') or 0:<7.1f}  "
                f"{(row.get('uncached') or {}).get('rps') or 0:>13.1f}"
            )


def main():
    parser = argparse.ArgumentParser()
    for option in ("--gunicorn", "--cold", "--proxy", "--static", "--static-dir", "--json", "--skipped"):
        parser.add_argument(option)
    parser.add_argument("--engine")  # gunicorn with SEARCH_BACKEND=opensearch2
    parser.add_argument("--engine-cold")  # the same with RESULTS_CACHE_SECONDS=0
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--size", type=int, default=0)  # the number of trainings, recorded in the JSON
    parser.add_argument("--only", choices=["catalogue"])  # only the catalogue's pages, cold and uncached
    parser.add_argument("--sizes", nargs="+")  # print the catalogue of these JSON files by size, and stop
    args = parser.parse_args()
    if args.sizes:
        print_sizes(args.sizes)
        return
    missing = [
        name
        for name in ("gunicorn", "cold", "proxy", "static", "static_dir", "json")
        if not getattr(args, name)
    ]
    if missing:
        parser.error(f"missing: {', '.join(missing)}")
    notes = []
    if args.skipped and Path(args.skipped).exists():
        notes += [line for line in Path(args.skipped).read_text().splitlines() if line.strip()]
    targets = discover(notes, args.engine)
    if args.only:
        targets = [(name, path) for name, path in targets if name.startswith(args.only)]
    static_dir = Path(args.static_dir)
    results = []
    for name, path in targets:
        on_engine = name.endswith("OpenSearch")
        server = args.engine if on_engine else args.gunicorn
        cold_server = args.engine_cold if on_engine else args.cold
        status, cold_queries, queries = count_queries(path, "opensearch2" if on_engine else "database")
        if status != 200:
            notes.append(f"{name}: {path} answered {status}; skipped")
            continue
        with urllib.request.urlopen(server + path, timeout=30) as response:
            html = response.read()
        row = {
            "page": name,
            "path": path,
            "sql_queries_cold": cold_queries,
            "sql_queries": queries,
            "html_bytes": len(html),
        }
        print(f"measuring {name} ({path}) ...", flush=True)
        # cold: a gunicorn with RESULTS_CACHE_SECONDS=0 (the first visitor after a publish); uncached:
        # gunicorn itself (Django keeps no pages; facet counts and result ids come from the results cache)
        row["cold"] = wrk(cold_server + path, args.duration) if cold_server else None
        row["uncached"] = wrk(server + path, args.duration)
        if (
            not on_engine and not args.only
        ):  # the shipped nginx (scripts/nginx.sh) proxies the database-backed gunicorn
            static_name = re.sub(r"[^\w]+", "_", path).strip("_") + ".html"
            (static_dir / static_name).write_bytes(html)
            row["nginx_cache"] = wrk(args.proxy + path, args.duration)
            row["static_ceiling"] = wrk(f"{args.static}/{static_name}", args.duration)
        results.append(row)

    def rate(row, column, digits=0):
        value = (row.get(column) or {}).get("rps")
        return f"{value:,.{digits}f}" if value is not None else "-"

    header = (
        f"{'page':<20}{'SQL cold/uncached':>18}  {'cold r/s':>9}  {'uncached r/s p50/p99 ms':>26}  "
        f"{'nginx cache':>12}  {'static':>8}"
    )
    print("\n" + header + "\n" + "-" * len(header))
    for row in results:
        u = row["uncached"]
        print(
            f"{row['page']:<20}{row['sql_queries_cold']:>12}/{row['sql_queries']:<5}  {rate(row, 'cold', 1):>9}  "
            f"{u['rps'] or 0:>9.1f} {u['p50_ms'] or 0:>7.1f}/{u['p99_ms'] or 0:<8.1f}  "
            f"{rate(row, 'nginx_cache'):>12}  {rate(row, 'static_ceiling'):>8}"
        )
    for note in notes:
        print(f"note: {note}")
    report = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "size": args.size,
        "machine": {"cores": os.cpu_count()},
        "settings": {"workers": 2, "wrk": f"2 threads, 16 connections, {args.duration} s"},
        "results": results,
        "notes": notes,
    }
    Path(args.json).write_text(json.dumps(report, indent=2))
    print(f"\nJSON: {args.json}")


if __name__ == "__main__":
    main()
