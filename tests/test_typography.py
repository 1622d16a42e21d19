"""French typography as a native reader expects it: a no-break space before ':' (and a narrow one before ';',
'?' and '!'), inside « guillemets », so no punctuation mark ever starts a line."""

import json
import re
from pathlib import Path

import polib
import pytest

from home.factories import StandardPageFactory, publish

ROOT = Path(__file__).resolve().parents[1]
FRENCH_CATALOGUES = sorted(
    [*ROOT.glob("locale/fr/LC_MESSAGES/django.po"), *ROOT.glob("*/locale/fr/LC_MESSAGES/django.po")]
)
BREAKABLE_BEFORE_PUNCTUATION = re.compile(r"( [:;?!»])|(« )")


def test_french_translations_never_let_punctuation_start_a_line():
    assert len(FRENCH_CATALOGUES) >= 5
    found = [
        f"{path.relative_to(ROOT)}: {text!r}"
        for path in FRENCH_CATALOGUES
        for entry in polib.pofile(str(path))
        for text in [entry.msgstr, *entry.msgstr_plural.values()]
        if BREAKABLE_BEFORE_PUNCTUATION.search(text)
    ]
    assert not found, "\n".join(found)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "label"), [("fr", "Dernière mise à jour\u00a0:"), ("nl", "Laatst bijgewerkt:")]
)
def test_a_label_and_its_colon_follow_the_languages_typography(client, home_pages, code, label):
    page = publish(StandardPageFactory(parent=home_pages[code], title="Typographie", slug="typographie"))
    assert label in client.get(page.url).content.decode()


def _french_texts(data):
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "fr" and isinstance(value, str):
                yield value
            else:
                yield from _french_texts(value)
    elif isinstance(data, list):
        for value in data:
            yield from _french_texts(value)


def test_the_french_demo_content_follows_french_typography():
    files = sorted(ROOT.glob("*/demo/*.json"))
    assert files
    found = [
        f"{path.relative_to(ROOT)}: {text!r}"
        for path in files
        for text in _french_texts(json.loads(path.read_text(encoding="utf-8")))
        if BREAKABLE_BEFORE_PUNCTUATION.search(text)
    ]
    assert not found, "\n".join(found)
