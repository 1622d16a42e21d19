"""The Nu Html Checker (vnu.jar, from scripts/browser-setup.sh) finds no error in the HTML of any public page type,
in any of the four languages: what assistive technologies and browsers parse is what the templates meant."""

import json
import subprocess
import urllib.error
import urllib.request

import pytest

from tests.browser.pages import CASES, PAGES
from tests.browser.support import REPO_ROOT

pytestmark = [pytest.mark.browser, pytest.mark.demo]  # on the demo content (conftest.py)

VNU_JAR = REPO_ROOT / ".cache" / "vnu" / "vnu.jar"

# Pages fetched as a visitor's browser first receives them (a form's errors need a POST: axe checks those).
GET_CASES = [(lang, kind) for lang, kind in CASES if not kind.endswith("with errors")]


def _fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read()
    except urllib.error.HTTPError as error:  # the 404 page is checked too
        return error.read()


def test_every_page_type_is_valid_html_in_every_language(site_url, contact_paths, tmp_path):
    assert VNU_JAR.exists(), f"{VNU_JAR} is missing: run scripts/browser-setup.sh"
    files = {}
    for lang, kind in GET_CASES:
        path = PAGES[kind][lang]
        path = contact_paths[lang] if path == "@contact" else path
        target = tmp_path / f"{len(files):03d}.html"
        target.write_bytes(_fetch(site_url + path))
        files[target.as_uri()] = f"{lang} {kind} ({path})"
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *sorted(tmp_path.glob("*.html"))],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(result.stderr or result.stdout)
    errors = [
        f"{files.get(message.get('url'), message.get('url'))} line {message.get('lastLine')}: {message['message']}"
        for message in report["messages"]
        if message["type"] in ("error", "non-document-error")
    ]
    assert len(files) >= 60  # every page type in every language it has
    assert not errors, "\n".join(errors)
