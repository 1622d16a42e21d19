"""Safe highlighted snippets: text is escaped first, then query matches are wrapped in <mark>."""

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import mark_safe

WORD_RE = re.compile(r"\w+", re.UNICODE)
SNIPPET_WORDS = 36


def fold(text):
    """Lowercase without accents: 'Sécurité' -> 'securite'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def term_prefixes(query):
    """Approximate stems of the query words, so plurals and inflections highlight too."""
    prefixes = []
    for word in WORD_RE.findall(fold(query)):
        if len(word) < 2:
            continue
        prefixes.append(word[: max(4, len(word) - 3)] if len(word) > 5 else word)
    return prefixes


def _matches(word, prefixes):
    folded = fold(word)
    return any(folded.startswith(prefix) for prefix in prefixes)


def highlight(text, query):
    """Escape `text` and mark the words that match the query."""
    prefixes = term_prefixes(query)
    out = []
    position = 0
    for match in WORD_RE.finditer(text):
        out.append(escape(text[position : match.start()]))
        word = match.group()
        out.append(f"<mark>{escape(word)}</mark>" if prefixes and _matches(word, prefixes) else escape(word))
        position = match.end()
    out.append(escape(text[position:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece was escaped above


def snippet(texts, query, words=SNIPPET_WORDS):
    """A window of `words` words around the first match in the first text that matches, highlighted."""
    prefixes = term_prefixes(query)
    candidates = [" ".join(t.split()) for t in texts if t]
    candidates = [t for t in candidates if t]
    if not candidates:
        return ""
    for text in candidates:
        tokens = text.split(" ")
        for index, token in enumerate(tokens):
            if any(_matches(word, prefixes) for word in WORD_RE.findall(token)):
                start = max(0, index - words // 3)
                window = tokens[start : start + words]
                prefix = "… " if start > 0 else ""
                suffix = " …" if start + words < len(tokens) else ""
                return highlight(prefix + " ".join(window) + suffix, query)
    tokens = candidates[0].split(" ")
    return highlight(" ".join(tokens[:words]) + (" …" if len(tokens) > words else ""), query)


def searchable_texts(page):
    """The text of a page's search fields (title excluded), intro-like fields first."""
    from modelsearch import index

    texts = []
    for field in page.get_search_fields():
        if not isinstance(field, index.SearchField) or field.field_name == "title":
            continue
        try:
            stream_block = getattr(page._meta.get_field(field.field_name), "stream_block", None)
        except Exception:  # noqa: BLE001 - not a model field
            stream_block = None
        if stream_block is not None:
            texts.append(
                " ".join(str(v) for v in stream_texts(stream_block, getattr(page, field.field_name)))
            )
            continue
        try:
            value = field.get_value(page)
            model_field = page._meta.get_field(field.field_name)
        except Exception:  # noqa: BLE001 - a related or computed field: use its text if any
            model_field = None
            value = getattr(page, field.field_name, None)
        if value in (None, ""):
            continue
        if model_field is not None and hasattr(model_field, "get_searchable_content"):
            try:
                value = " ".join(
                    str(v) for v in model_field.get_searchable_content(getattr(page, field.field_name))
                )
            except Exception:  # noqa: BLE001
                value = str(value)
        if isinstance(value, str):
            texts.append(value)
    return texts


def stream_texts(stream_block, stream_value):
    """The searchable text of a StreamField value, read from its raw data: unlike
    StreamField.get_searchable_content it never loads the images, pages or snippets of chooser blocks (one
    query per block type and page), whose searchable content is empty anyway."""
    raw = getattr(stream_value, "raw_data", stream_value)
    try:
        return _block_texts(stream_block, list(raw or []))
    except Exception:  # noqa: BLE001 - a malformed stream: no snippet text rather than an error
        return []


def _block_texts(block, raw):
    from wagtail import blocks

    if raw is None:
        return []
    if isinstance(block, blocks.ChooserBlock):
        return []
    if isinstance(block, blocks.StreamBlock):
        texts = []
        for item in raw:
            child = block.child_blocks.get(item.get("type")) if isinstance(item, dict) else None
            if child is not None:
                texts.extend(_block_texts(child, item.get("value")))
        return texts
    if isinstance(block, blocks.ListBlock):
        texts = []
        for item in raw:
            value = item["value"] if isinstance(item, dict) and item.get("type") == "item" else item
            texts.extend(_block_texts(block.child_block, value))
        return texts
    if isinstance(block, blocks.StructBlock):
        texts = []
        for name, child in block.child_blocks.items():
            texts.extend(_block_texts(child, raw.get(name) if isinstance(raw, dict) else None))
        return texts
    if isinstance(block, blocks.FieldBlock):
        return list(block.get_searchable_content(block.to_python(raw)))
    return []
