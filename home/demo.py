"""Building blocks for `manage.py load_demo_content`.

Demo content is written in English with its French, Dutch and German text alongside (`Text`). The loader
creates the English objects, then translates them through wagtail-localize exactly as an editor would:
it extracts the translation source, fills in the translated strings, and creates the translated pages
and snippets. Every step looks for what already exists, so a second run changes nothing.
"""

import colorsys
import hashlib
import html
import io
from dataclasses import dataclass

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.html import escape
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

TARGET_LANGUAGES = ["fr", "nl", "de"]


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


class MissingDemoTranslation(Exception):
    pass


def paragraphs(*texts):
    """Rich text made of plain paragraphs (the `Text`s must also be registered with the loader)."""
    return "".join(f"<p>{escape(str(text))}</p>" for text in texts)


class DemoLoader:
    def __init__(self, stdout=None):
        self.stdout = stdout
        self.catalog: dict[str, Text] = {}
        self.created = 0
        self.translated = 0
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        self.english = self.locales["en"]

    # -- text -----------------------------------------------------------------------------------------
    def register(self, *texts):
        for text in texts:
            if isinstance(text, Text):
                for key in {text.en, html.unescape(text.en), escape(text.en)}:
                    self.catalog[key] = text

    def english_values(self, fields):
        """English field values; registers every `Text` for translation."""
        values = {}
        for name, value in fields.items():
            if isinstance(value, Text):
                self.register(value)
                value = value.en
            values[name] = value
        return values

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
        instance = model.objects.filter(locale=self.english, **lookup).first()
        if instance is None:
            instance = model(locale=self.english, **lookup, **self.english_values(fields))
            instance.save()
            self.created += 1
        else:
            self.english_values(fields)
        self.translate(instance)
        return instance

    def page(self, parent, model, slug, translate=True, **fields):
        """Create and publish the English page `slug` under `parent` unless it exists, then translate it."""
        slug_text = slug if isinstance(slug, Text) else None
        if slug_text:
            self.register(slug_text)
        slug = str(slug)
        existing = parent.get_children().filter(slug=slug).first()
        if existing is not None:
            self.english_values(fields)
            page = existing.specific
        else:
            page = model(slug=slug, locale=self.english, **self.english_values(fields))
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
    def locale_root(code="en"):
        from home.models import HomePage

        return HomePage.objects.get(locale__language_code=code)

    @staticmethod
    def site_root():
        return Page.get_first_root_node()
