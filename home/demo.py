"""The loader behind `manage.py load_demo_content`: reads each app's demo data files and builds the content.

Demo content lives in JSON files, `<app>/demo/<name>.json`. Every translatable text is written with its four
languages together, `{"en": …, "fr": …, "nl": …, "de": …}` (read as a `Text`); a plain string is the same in
every language (names, slugs, addresses). The loader creates the English objects, then translates them
through wagtail-localize exactly as an editor would: it extracts the translation source, fills in the
translated strings, and creates the translated pages and snippets. Every step looks for what already
exists, so a second run changes nothing.

A data file may hold, loaded in this order:

- `"texts"`: named texts, used elsewhere in the file as `{"$text": name}`;
- `"snippets"`: `[{"model": "app.Model", "items": [{"slug": …, <field>: <value>, …}, …]}, …]`;
- `"pages"`: page specs created under the English home page, each `{"model": "app.Model", "slug": …,
  "fields": {…}, "children": [page specs]}`; `{"$generate": "dotted.function", …}` in a list of pages
  stands for the page specs that function returns for it;
- `"after"`: `{"dotted.function": "app.Model"}`, the function called with every object of the model.

Field values may be (besides texts, numbers, booleans, lists and plain objects, e.g. a block's value):
`{"$snippet": "app.Model", "slug": s}` and `{"$snippets": "app.Model", "slugs": [...]}` (English snippets),
`{"$page": "about"}` (an English page, path below the home page), `{"$image": title, "label": …, "size":
[w, h]}` (a generated picture), `{"$paragraphs": [texts]}` (rich text), `{"$stream": [{"type": …, "value":
…}]}`, `{"$rows": "app.Model", "items": [{…}]}` (inline child objects, numbered by `sort_order` unless
given), `{"$tags": [texts]}` (tags, translated like other texts), `{"$decimal": "12.50"}`, `{"$time":
"09:30"}`, and dates relative to the day the demo is loaded: `{"$date": days}` and `{"$datetime": days,
"time": "09:30"}` (Brussels time).
"""

import colorsys
import hashlib
import html
import io
import json
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.apps import apps
from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.html import escape
from django.utils.module_loading import import_string
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, ReferenceIndex, Site
from wagtail.search import index as search_index
from wagtail.search.signal_handlers import post_save_signal_handler as search_post_save_signal_handler
from wagtail.search.tasks import insert_or_update_object_task
from wagtail.signal_handlers import update_reference_index_on_save
from wagtail.tasks import update_reference_index_task
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from home.languages import language_codes

LANGUAGES = language_codes()
SOURCE_LANGUAGE = "en"  # the demo pages are created in English, then translated with wagtail-localize
TARGET_LANGUAGES = [code for code in LANGUAGES if code != SOURCE_LANGUAGE]


@dataclass(frozen=True)
class Text:
    """One piece of demo text in the four site languages."""

    en: str
    fr: str
    nl: str
    de: str

    def __str__(self):
        return self.en

    def get(self, language_code):
        return getattr(self, language_code)

    @classmethod
    def same(cls, value):
        return cls(value, value, value, value)


class MissingDemoTranslation(Exception):
    pass


def _text_or_object(obj):
    return Text(**obj) if sorted(obj) == sorted(LANGUAGES) else obj


def read(app_label, name):
    """The data file `<app>/demo/<name>.json`, its four-language objects read as `Text`s."""
    path = Path(apps.get_app_config(app_label).path) / "demo" / f"{name}.json"
    with path.open(encoding="utf-8") as handle:
        return json.load(handle, object_hook=_text_or_object)


def paragraphs(*texts):
    """Rich text made of plain paragraphs."""
    return "".join(f"<p>{escape(str(text))}</p>" for text in texts)


@contextmanager
def _saves_handled_once(handler, models, task):
    """Within the block, saves of `models` do not call their post_save `handler`; on leaving it, `task` (the
    handler's own work) is enqueued once for every object saved that still exists."""
    saved = {}

    def remember(sender, instance, raw=False, **kwargs):
        if not raw:
            saved[(instance._meta.app_label, instance._meta.model_name, str(instance.pk))] = sender

    models = [model for model in models if post_save.disconnect(handler, sender=model)]
    for model in models:
        post_save.connect(remember, sender=model, weak=False)
    try:
        yield
    finally:
        for model in models:
            post_save.disconnect(remember, sender=model)
            post_save.connect(handler, sender=model)
    for (app_label, model_name, pk), model in saved.items():
        if model.objects.filter(pk=pk).exists():
            task.enqueue(app_label, model_name, pk)


@contextmanager
def indexes_updated_once():
    """Within the block, saves update neither Wagtail's reference index nor the search index; on leaving it,
    each index's own task is enqueued once for every object saved, which leaves the same indexes. (Wagtail
    updates both on every save, and the loader saves a page again with each revision, publication and
    translation, four or five times on average.)"""
    with (
        _saves_handled_once(
            update_reference_index_on_save, ReferenceIndex.tracked_models, update_reference_index_task
        ),
        _saves_handled_once(
            search_post_save_signal_handler, search_index.get_indexed_models(), insert_or_update_object_task
        ),
    ):
        yield


class Tags(list):
    """Tags of a page, added to its tag manager once the page exists (`{"$tags": [...]}`)."""


class DemoLoader:
    def __init__(self, stdout=None):
        self.stdout = stdout
        self.catalog: dict[str, Text] = {}
        self.texts: dict[str, Text] = {}
        self.created = 0
        self.translated = 0
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        self.english = self.locales[SOURCE_LANGUAGE]

    # -- data files -----------------------------------------------------------------------------------
    def load(self, app_label, name):
        """Load the data file `<app>/demo/<name>.json` (see the module docstring)."""
        data = read(app_label, name)
        for key, text in data.get("texts", {}).items():
            self.texts[key] = text
            self.register(text)
        for group in data.get("snippets", []):
            model = apps.get_model(group["model"])
            for item in group["items"]:
                fields = dict(item)
                self.snippet(model, {"slug": fields.pop("slug")}, **fields)
        if data.get("pages"):
            self.pages(self.locale_root(SOURCE_LANGUAGE), data["pages"])
        for function, label in data.get("after", {}).items():
            for instance in apps.get_model(label).objects.all():
                import_string(function)(instance)
        return data

    def pages(self, parent, specs):
        """Create (and translate, unless `"translate": false`) the pages `specs` and their children."""
        created = []
        for spec in specs:
            if "$generate" in spec:
                created += self.pages(parent, import_string(spec["$generate"])(spec))
                continue
            page = self.page(
                parent,
                apps.get_model(spec["model"]),
                spec["slug"],
                translate=spec.get("translate", True),
                **spec.get("fields", {}),
            )
            created.append(page)
            self.pages(page, spec.get("children", []))
        return created

    # -- text -----------------------------------------------------------------------------------------
    def register(self, *texts, override=True):
        """Make the texts' translations known; `override=False` keeps a translation already known."""
        for text in texts:
            for key in {text.en, html.unescape(text.en), escape(text.en)}:
                if override or key not in self.catalog:
                    self.catalog[key] = text

    def text(self, value):
        """The `Text` of `value` (a `Text`, `{"$text": name}` or a plain string), registered."""
        if isinstance(value, dict):
            value = self.texts[value["$text"]]
        if isinstance(value, Text):
            self.register(value)
            return value
        self.register(Text.same(value), override=False)
        return Text.same(value)

    def register_all(self, value):
        """Register every text in a field value, without building anything."""
        if isinstance(value, Text | str) or (isinstance(value, dict) and "$text" in value):
            self.text(value)
        elif isinstance(value, dict):
            for item in value.values():
                self.register_all(item)
        elif isinstance(value, list):
            for item in value:
                self.register_all(item)

    def resolve(self, value):
        """The Python value of a field value of a data file (texts in English, registered)."""
        if isinstance(value, Text | str):
            return self.text(value).en
        if isinstance(value, list):
            return [self.resolve(item) for item in value]
        if not isinstance(value, dict):
            return value
        if "$text" in value:
            return self.text(value).en
        if "$snippet" in value:
            return apps.get_model(value["$snippet"]).objects.get(locale=self.english, slug=value["slug"])
        if "$snippets" in value:
            found = apps.get_model(value["$snippets"]).objects.filter(
                locale=self.english, slug__in=value["slugs"]
            )
            by_slug = {snippet.slug: snippet for snippet in found}
            return [by_slug[slug] for slug in value["slugs"]]
        if "$page" in value:
            home = self.locale_root(SOURCE_LANGUAGE)
            return Page.objects.get(url_path=f"{home.url_path}{value['$page'].strip('/')}/").specific
        if "$image" in value:
            return self.image(
                value["$image"], label=value.get("label"), size=tuple(value.get("size", (1200, 800)))
            )
        if "$paragraphs" in value:
            return paragraphs(*(self.text(text) for text in value["$paragraphs"]))
        if "$stream" in value:
            return [(block["type"], self.resolve(block["value"])) for block in value["$stream"]]
        if "$rows" in value:
            model = apps.get_model(value["$rows"])
            return [
                model(**{"sort_order": order, **self.resolve(item)})
                for order, item in enumerate(value["items"])
            ]
        if "$tags" in value:
            return Tags(self.text(tag).en for tag in value["$tags"])  # translated like any text
        if "$decimal" in value:
            return Decimal(value["$decimal"])
        if "$time" in value:
            return time.fromisoformat(value["$time"])
        if "$date" in value:
            return timezone.localdate() + timedelta(days=value["$date"])
        if "$datetime" in value:
            day = timezone.localdate() + timedelta(days=value["$datetime"])
            return datetime.combine(
                day, time.fromisoformat(value["time"]), tzinfo=ZoneInfo(settings.TIME_ZONE)
            )
        return {name: self.resolve(item) for name, item in value.items()}

    def translate_string(self, data, language_code):
        if not data.strip():
            return data
        text = self.catalog.get(data) or self.catalog.get(html.unescape(data))
        if text is None:
            raise MissingDemoTranslation(f"No {language_code} demo translation for {data!r}")
        translated = text.get(language_code)
        return escape(translated) if data != html.unescape(data) or "<" in data else translated

    # -- images ---------------------------------------------------------------------------------------
    def image(self, title, label=None, size=(1200, 800)):
        """A locally generated picture (soft gradient with a label), created once per title."""
        Image = get_image_model()
        existing = Image.objects.filter(title=title).first()
        if existing:
            return existing
        hue = int(hashlib.sha256(title.encode()).hexdigest()[:4], 16) / 0xFFFF
        width, height = size
        picture = PILImage.new("RGB", size)
        draw = ImageDraw.Draw(picture)
        for y in range(height):
            r, g, b = colorsys.hls_to_rgb((hue + 0.15 * y / height) % 1, 0.35 + 0.25 * y / height, 0.55)
            draw.line([(0, y), (width, y)], fill=(int(r * 255), int(g * 255), int(b * 255)))
        radius = min(size) // 4
        cx, cy = width // 2, height // 2
        draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], fill=(255, 255, 255))
        if label:
            draw.text((cx, cy), label, fill=(60, 27, 96), anchor="mm", font_size=radius // 2)
        buffer = io.BytesIO()
        picture.save(buffer, format="PNG", optimize=True)
        filename = f"demo-{hashlib.sha1(title.encode()).hexdigest()[:10]}.png"
        image = Image(title=title, file=ImageFile(buffer, name=filename))
        image.save()
        self.created += 1
        return image

    # -- snippets and pages ---------------------------------------------------------------------------
    def snippet(self, model, lookup, **fields):
        """Create the English snippet identified by `lookup` (e.g. slug) unless it exists, then translate it."""
        values = self.resolve(fields)
        instance = model.objects.filter(locale=self.english, **lookup).first()
        if instance is None:
            instance = model(locale=self.english, **lookup, **values)
            instance.save()
            self.created += 1
        self.translate(instance)
        return instance

    def page(self, parent, model, slug, translate=True, **fields):
        """Create and publish the English page `slug` under `parent` unless it exists, then translate it."""
        slug = self.text(slug).en
        existing = parent.get_children().filter(slug=slug).first()
        if existing is not None:
            self.register_all(fields)
            page = existing.specific
        else:
            values = self.resolve(fields)
            tags = {name: values.pop(name) for name, value in list(values.items()) if isinstance(value, Tags)}
            page = model(slug=slug, locale=self.english, **values)
            for name, names in tags.items():
                getattr(page, name).add(*names)
            parent.add_child(instance=page)
            page.save_revision().publish()
            self.created += 1
        if translate:
            self.translate(page)
        return page

    @transaction.atomic
    def translate(self, instance):
        """Translate `instance` into every target language through wagtail-localize, if not done yet."""
        missing = [code for code in TARGET_LANGUAGES if not instance.has_translation(self.locales[code])]
        if not missing:
            return
        source, _created = TranslationSource.get_or_create_from_instance(instance)
        segments = StringSegment.objects.filter(source=source).select_related("string", "context")
        for code in missing:
            locale = self.locales[code]
            for segment in segments:
                StringTranslation.objects.update_or_create(
                    translation_of=segment.string,
                    locale=locale,
                    context=segment.context,
                    defaults={
                        "data": self.translate_string(segment.string.data, code),
                        "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    },
                )
            Translation.objects.get_or_create(source=source, target_locale=locale, defaults={"enabled": True})
            source.create_or_update_translation(locale, publish=True, fallback=True)
            self.translated += 1

    @staticmethod
    def locale_root(code=SOURCE_LANGUAGE):
        from home.models import HomePage

        return HomePage.objects.get(locale__language_code=code)

    @staticmethod
    def site_root():
        return Page.get_first_root_node()


def _serve_at_base_url(site):
    """The demo site's address is the one it is served at (settings.WAGTAILADMIN_BASE_URL; `make run` passes
    its own), so absolute links in feeds, calendars, JSON-LD and e-mails lead back to it."""
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    port = address.port or (443 if address.scheme == "https" else 80)
    if (site.hostname, site.port) != (address.hostname, port):
        site.hostname, site.port = address.hostname, port
        site.save()


def load_site(loader: DemoLoader):
    """The home app's own steps: the English home page becomes the site's root (replacing Wagtail's
    placeholder), its pages are linked from the site settings, and the home page gets its body once the
    page it links to exists; the home page and its pages are translated last."""
    from home.models import HomePage, SiteLinks

    data = read("home", "site")
    spec = data["home"]
    home = HomePage.objects.filter(locale=loader.english).first()
    if home is None:
        root = loader.site_root()
        placeholder = root.get_children().filter(slug="home").first()
        if placeholder is not None:
            placeholder.slug = "welcome-placeholder"
            placeholder.save()
        home = loader.page(root, HomePage, spec["slug"], translate=False, **spec["fields"])
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        site.root_page, site.site_name = home, spec["site_name"]
        site.save()
        if placeholder is not None:
            placeholder.delete()
    _serve_at_base_url(Site.objects.get(root_page=home))
    loader.text(spec["slug"])
    links = SiteLinks.for_site(Site.objects.get(root_page=home))
    for page_spec, page in zip(data["pages"], loader.pages(home, data["pages"]), strict=True):
        setting = page_spec.get("setting")
        if setting and getattr(links, f"{setting}_id") is None:
            setattr(links, setting, page)
    links.save()
    if home.body:
        loader.register_all(spec["body"])
    else:
        home.body = loader.resolve(spec["body"])
        home.save_revision().publish()
    loader.translate(home)
    for page in home.get_children().specific():
        loader.translate(page)
