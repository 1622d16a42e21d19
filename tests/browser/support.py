"""Plain helpers for Playwright browser tests (no fixtures, no Django imports).

Prerequisites come from ``scripts/browser-setup.sh``: Debian's Chromium at
``/usr/bin/chromium`` (Playwright's own browser download is not used) and
axe-core at ``<repo>/.cache/axe/axe.min.js``.

Typical use with the sync API::

    from playwright.sync_api import sync_playwright
    from tests.browser.support import (
        launch_browser, new_context, axe_violations, format_violations,
    )

    with sync_playwright() as pw:
        browser = launch_browser(pw)
        context = new_context(browser, locale="de-DE")
        page = context.new_page()
        page.goto(url)
        violations = axe_violations(page)
        assert not violations, format_violations(violations)
        browser.close()
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

CHROMIUM_PATH = "/usr/bin/chromium"

# Headless mode itself is requested via ``headless=True`` in launch_browser().
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]

REPO_ROOT = Path(__file__).resolve().parents[2]
AXE_JS_PATH = REPO_ROOT / ".cache" / "axe" / "axe.min.js"

DEFAULT_AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")

_SETUP_HINT = "run scripts/browser-setup.sh"


def launch_browser(playwright: Any, **kwargs: Any) -> Any:
    """Launch Debian's headless Chromium through a Playwright instance.

    Extra keyword arguments go to ``playwright.chromium.launch``.
    """
    if not Path(CHROMIUM_PATH).exists():
        raise RuntimeError(
            f"Chromium not found at {CHROMIUM_PATH}; {_SETUP_HINT} (installs Debian's 'chromium' package)."
        )
    args = list(CHROMIUM_ARGS) + list(kwargs.pop("args", []))
    return playwright.chromium.launch(executable_path=CHROMIUM_PATH, headless=True, args=args, **kwargs)


def new_context(browser: Any, *, locale: str | None = None, **kwargs: Any) -> Any:
    """Create a browser context suitable for :func:`axe_violations`.

    Sets ``bypass_csp=True`` so that axe-core can be injected as an inline
    script even when the site sends a Content-Security-Policy forbidding
    inline scripts. ``locale`` (e.g. ``"de-DE"``) is passed through and sets
    ``navigator.language`` and the ``Accept-Language`` header.
    """
    kwargs.setdefault("bypass_csp", True)
    if locale is not None:
        kwargs["locale"] = locale
    return browser.new_context(**kwargs)


def _axe_source() -> str:
    if not AXE_JS_PATH.is_file():
        raise RuntimeError(f"axe-core not found at {AXE_JS_PATH}; {_SETUP_HINT}.")
    return AXE_JS_PATH.read_text(encoding="utf-8")


def axe_violations(page: Any, tags: Iterable[str] = DEFAULT_AXE_TAGS) -> list[dict[str, Any]]:
    """Run axe-core on the page's current document and return its violations.

    The page's browser context must have been created with
    ``bypass_csp=True`` (use :func:`new_context`): axe is injected with
    ``page.add_script_tag(content=...)``, which a CSP without
    ``'unsafe-inline'`` would otherwise block.

    Returns a list of dicts ``{"id", "impact", "help", "helpUrl", "nodes"}``
    where ``nodes`` is a list of ``{"target", "html", "summary"}``
    (``target`` is axe's list of CSS selectors).
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(content=_axe_source())
    return page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {
                runOnly: {type: 'tag', values: tags},
            });
            return results.violations.map((v) => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                helpUrl: v.helpUrl,
                nodes: v.nodes.map((n) => ({
                    target: n.target,
                    html: n.html,
                    summary: n.failureSummary,
                })),
            }));
        }""",
        list(tags),
    )


def format_violations(violations: list[dict[str, Any]]) -> str:
    """Readable multi-line summary of :func:`axe_violations` output."""
    if not violations:
        return "no accessibility violations"
    lines = [f"{len(violations)} accessibility violation(s):"]
    for v in violations:
        lines.append(f"- [{v.get('impact') or '?'}] {v['id']}: {v['help']}")
        if v.get("helpUrl"):
            lines.append(f"    {v['helpUrl']}")
        for node in v.get("nodes", []):
            target = " ".join(t if isinstance(t, str) else " >> ".join(t) for t in node["target"])
            lines.append(f"    at {target}")
            html = (node.get("html") or "").strip()
            if html:
                lines.append(f"       {html[:160]}")
    return "\n".join(lines)


def site_server_command(port):
    """gunicorn serving the test site on `port`: two workers forked from one import of the site (`--preload`,
    as bdt_site/gunicorn.conf.py does)."""
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "bdt_site.wsgi",
        "-b",
        f"127.0.0.1:{port}",
        "-w",
        "2",
        "--timeout",
        "60",
        "--preload",
    ]
