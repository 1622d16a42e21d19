#!/usr/bin/env python3
"""Fail on import cycles inside one of the project's packages, and on models that import views or forms.

The graph is built with the standard library's ``ast`` from every import statement in the project's own
packages (see ``PACKAGES``), wherever it is: module level, or inside a function or method, since a
function-level import is only a cycle put off until call time. Imports under ``if TYPE_CHECKING:`` are left
out (they never run). Migrations are left out. An edge goes to the most specific project module the import
names: ``from a.b import c`` is ``a.b.c`` when that is a module, otherwise ``a.b``.

Two rules, each failure listed:

1. No cycle between the modules of one package (``testimonials.models`` -> ``testimonials.views`` ->
   ``testimonials.models``). Each strongly connected set of modules is reported with one of its cycles.
2. A models module (``<app>.models`` or any module of an ``<app>/models/`` package) never imports a
   ``views`` or ``forms`` module (``views``, ``forms``, ``*_views``, ``*_forms``) of the project, at any
   level. Models are the bottom layer: views and forms import models, not the other way round.

A page route (``wagtail.contrib.routable_page`` ``@path``/``@re_path``) that needs a form or a view's logic
does not import it: it delegates to a function of its app's ``views.py`` by dotted path, resolved when the
route is called, e.g. ``return import_string("testimonials.views.contact")(request, self)``. The view
module imports the models; the models only name the view, as URLconfs and ``base_form_class`` strings do.

Usage: ``python scripts/check_imports.py`` from the project root (exit status 1 on any failure).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGES = ("bdt_site", "home", "testimonials", "trainings", "events", "search")
ROOT = Path(__file__).resolve().parent.parent


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imported_names(tree: ast.AST, this: str, is_package: bool):
    """Yield (line, dotted name) for each import, the names of ``from x import a`` as ``x.a``."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and is_type_checking(node.test):
            stack.extend(node.orelse)
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = this.split(".") if is_package else this.split(".")[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                yield node.lineno, f"{base}.{alias.name}" if alias.name != "*" else base
        stack.extend(ast.iter_child_nodes(node))


def resolve(name: str, modules: set[str]) -> str | None:
    while name:
        if name in modules:
            return name
        name = name.rpartition(".")[0]
    return None


def build_graph() -> tuple[dict[str, dict[str, int]], dict[str, Path]]:
    files = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.relative_to(ROOT).parts:
                files[module_name(path)] = path
    modules = set(files)
    graph: dict[str, dict[str, int]] = {}
    for name, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        edges = graph.setdefault(name, {})
        for line, imported in imported_names(tree, name, path.name == "__init__.py"):
            target = resolve(imported, modules)
            if target and target != name:
                edges.setdefault(target, line)
    return graph, files


def strongly_connected(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for succ in graph.get(node, {}):
            if succ not in index:
                visit(succ)
                low[node] = min(low[node], low[succ])
            elif succ in on_stack:
                low[node] = min(low[node], index[succ])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(10000)
    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def one_cycle(graph: dict[str, dict[str, int]], component: list[str]) -> list[str]:
    """The shortest cycle through the component's first module, by breadth-first search inside it."""
    start, members = component[0], set(component)
    previous: dict[str, str] = {}
    queue = [start]
    for node in queue:
        for succ in sorted(graph[node]):
            if succ not in members:
                continue
            if succ == start:
                path = [node]
                while path[-1] != start:
                    path.append(previous[path[-1]])
                return [*reversed(path), start]
            if succ not in previous:
                previous[succ] = node
                queue.append(succ)
    return component


def is_models(name: str) -> bool:
    parts = name.split(".")
    return "models" in parts[1:]


def is_view_or_form(name: str) -> bool:
    last = name.rsplit(".", 1)[-1]
    return last in ("views", "forms") or last.endswith(("_views", "_forms"))


def main() -> int:
    graph, files = build_graph()
    failures = []
    for package in PACKAGES:
        inside = {
            name: {t: line for t, line in edges.items() if t.split(".")[0] == package}
            for name, edges in graph.items()
            if name.split(".")[0] == package
        }
        for component in strongly_connected(inside):
            cycle = one_cycle(inside, component)
            steps = " -> ".join(f"{a} (line {inside[a][b]})" for a, b in zip(cycle, cycle[1:], strict=False))
            failures.append(
                f"Import cycle in {package}: {steps} -> {cycle[-1]}  [modules: {', '.join(component)}]"
            )
    for name, edges in sorted(graph.items()):
        if is_models(name):
            for target, line in sorted(edges.items()):
                if is_view_or_form(target):
                    path = files[name].relative_to(ROOT)
                    failures.append(f"{path}:{line}: models module {name} imports {target}")
    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
