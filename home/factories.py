"""Factories for tests and the benchmark seeders: the shared vocabularies, organisations, the home page and
standard pages, and `translate()`, which makes real wagtail-localize translations of a page or snippet.

Translatable snippets are created in English unless given a `locale`; pages take the locale of their
`parent` (`HomePageFactory(parent=root)`, `StandardPageFactory(parent=home)`).
"""

import factory
import wagtail_factories
from django.db import transaction
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from home.languages import language_codes

from .models import (
    CompetenceArea,
    ContactPage,
    FigureTheme,
    Format,
    HomePage,
    KeyFigure,
    KeyFiguresPage,
    KeyFigureValue,
    Level,
    Organisation,
    OrganisationKind,
    Region,
    StandardPage,
    StrategicObjective,
    TargetGroup,
)


def english():
    return Locale.objects.get(language_code="en")


def locale(code):
    return Locale.objects.get(language_code=code)


# -- translations ------------------------------------------------------------------------------------------
def translated_string(data, code, path):
    """The default translation of one segment: the English text marked with the language ("Events (fr)"), a
    slug with it appended ("events-fr") so each language has its own URL."""
    if path == "slug":
        return f"{data}-{code}"
    return f"{data} ({code})" if data.strip() else data


@transaction.atomic
def translate(instance, texts=None, codes=None):
    """The translations of the page or snippet `instance` into the other site languages (or `codes`):
    {code: translated instance}. Those missing are made through wagtail-localize, as an editor does
    (`update_translation`). `texts` maps an English string to {code: translation}; other strings get
    `translated_string()`."""
    page = isinstance(instance, Page)
    codes = codes or [code for code in language_codes() if code != instance.locale.language_code]
    translated = {}
    for code in codes:
        existing = instance.get_translation_or_none(locale(code))
        if existing is not None:
            translated[code] = existing.specific if page else existing
    for code in codes:
        if code not in translated:
            translated[code] = update_translation(instance, code, texts, refresh=False)
    return translated


@transaction.atomic
def update_translation(instance, code, texts=None, refresh=True):
    """Make or bring up to date the `code` translation of the page or snippet `instance` through
    wagtail-localize, as an editor does ("Translate", then "Sync translated pages" after a change of the
    source): the translation source is extracted again from `instance`, its string segments translated
    (`texts`: {English string: {code: translation}}, else `translated_string()`), and the translation made or
    updated and published (`refresh=False`: an existing translation source is used as it is). Returns the
    translation as stored."""
    texts = texts or {}
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if refresh and not created:
        source.update_from_db()
    target = locale(code)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        data = segment.string.data
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=target,
            context=segment.context,
            defaults={
                "data": texts.get(data, {}).get(code) or translated_string(data, code, segment.context.path),
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    Translation.objects.get_or_create(source=source, target_locale=target, defaults={"enabled": True})
    # A page's translation is saved as a draft and published here: wagtail-localize would publish it only
    # when the outermost transaction commits, which a test's transaction never does.
    page = isinstance(instance, Page)
    copy, _created = source.create_or_update_translation(target, publish=not page, fallback=True)
    if page:
        copy.get_latest_revision().publish()
    return type(copy).objects.get(pk=copy.pk)


def in_languages(**values):
    """{english: {code: text}} for `translate(texts=...)` from {code: text} keyword arguments."""
    return {values["en"]: {code: text for code, text in values.items() if code != "en"}}


# -- snippets ----------------------------------------------------------------------------------------------
class TranslatableFactory(DjangoModelFactory):
    locale = factory.LazyFunction(english)

    class Meta:
        abstract = True


class TaxonomyTermFactory(TranslatableFactory):
    """A term named "<label> <n>", its slug made from the name; an existing term of that slug and locale is
    reused."""

    name = factory.LazyAttributeSequence(lambda term, n: f"{term.label} {n:04d}")
    slug = factory.LazyAttribute(lambda term: slugify(term.name))

    class Params:
        label = "Term"

    class Meta:
        abstract = True
        django_get_or_create = ("slug", "locale")


class TargetGroupFactory(TaxonomyTermFactory):
    class Params:
        label = "Target group"

    class Meta:
        model = TargetGroup


class CompetenceAreaFactory(TaxonomyTermFactory):
    kind = CompetenceArea.Kind.DIGCOMP

    class Params:
        label = "Competence area"

    class Meta:
        model = CompetenceArea


class LevelFactory(TaxonomyTermFactory):
    class Params:
        label = "Level"

    class Meta:
        model = Level


class FormatFactory(TaxonomyTermFactory):
    class Params:
        label = "Format"

    class Meta:
        model = Format


class RegionFactory(TaxonomyTermFactory):
    class Params:
        label = "Region"

    class Meta:
        model = Region


class StrategicObjectiveFactory(TaxonomyTermFactory):
    number = factory.Sequence(lambda n: n % 5 + 1)

    class Params:
        label = "Strategic objective"

    class Meta:
        model = StrategicObjective


class FigureThemeFactory(TaxonomyTermFactory):
    class Params:
        label = "Theme"

    class Meta:
        model = FigureTheme


def numbered(label):
    """A factory's name or title and slug, numbered by its sequence: ("<label> 0001", "<label>-0001")."""
    prefix = slugify(label)
    return factory.Sequence(lambda n: f"{label} {n:04d}"), factory.Sequence(lambda n: f"{prefix}-{n:04d}")


class OrganisationFactory(TranslatableFactory):
    name, slug = numbered("Organisation")
    kind = OrganisationKind.TRAINING_PROVIDER
    website = factory.LazyAttribute(lambda org: f"https://{org.slug}.example.org/")

    class Meta:
        model = Organisation
        django_get_or_create = ("slug", "locale")


class KeyFigureFactory(TranslatableFactory):
    """A key figure in percent with one value (Belgium, 2019); `values__...` or KeyFigureValueFactory add more."""

    name, slug = numbered("Figure")
    theme = factory.SubFactory(FigureThemeFactory)
    unit = "percent"
    source_name = "Statbel"
    source_url = "https://statbel.example.org/"
    note = "A note on the figure."

    class Meta:
        model = KeyFigure
        django_get_or_create = ("slug", "locale")


class KeyFigureValueFactory(DjangoModelFactory):
    figure = factory.SubFactory(KeyFigureFactory)
    year = 2019
    area = "belgium"
    value = 18

    class Meta:
        model = KeyFigureValue


# -- pages -------------------------------------------------------------------------------------------------
# The home page's introduction in the four languages (`site_tree()` translates it with these).
HOME_INTRODUCTION = {
    "en": "Trainings, role models and events that open digital careers to women and girls across Belgium.",
    "fr": "Des formations, des modèles et des événements qui ouvrent les carrières numériques aux femmes et aux "
    "filles partout en Belgique.",
    "nl": "Opleidingen, rolmodellen en evenementen die digitale loopbanen openen voor vrouwen en meisjes in heel "
    "België.",
    "de": "Schulungen, Vorbilder und Veranstaltungen, die Frauen und Mädchen in ganz Belgien digitale Berufe "
    "öffnen.",
}


class LivePageFactory(wagtail_factories.PageFactory):
    """The base of every page factory: the page is live (made with `parent=`, it takes the parent's locale)."""

    live = True

    class Meta:
        abstract = True


class IndexPageFactory(LivePageFactory):
    """The base of the apps' index page factories: an index is in the menus."""

    show_in_menus = True

    class Meta:
        abstract = True


class HomePageFactory(LivePageFactory):
    title = "Be Digital Together"
    slug = "home"
    introduction = HOME_INTRODUCTION["en"]

    class Meta:
        model = HomePage


class StandardPageFactory(LivePageFactory):
    title, slug = numbered("Page")
    introduction = "A page of the site."
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Some text.</p>")])

    class Meta:
        model = StandardPage


class KeyFiguresPageFactory(LivePageFactory):
    title, slug = numbered("Key figures")
    introduction = "The figures behind the strategy."

    class Meta:
        model = KeyFiguresPage


class ContactPageFactory(LivePageFactory):
    title, slug = numbered("Contact")
    introduction = "Write to us."
    postal_address = "Example Street 1\n1000 Brussels"
    contact_email = "contact@example.org"
    phone = "+32 2 000 00 00"

    class Meta:
        model = ContactPage


def publish(page):
    """Save a revision of `page` and publish it, as the editor's Publish button does."""
    page.save_revision().publish()
    return page.specific_class.objects.get(pk=page.pk)


def site_tree(hostname="localhost", port=80):
    """The English home page (replacing Wagtail's placeholder), published, its translations into the other
    site languages and the default Site on `hostname`: the part of the demo every page hangs from. Returns
    {code: home page}."""
    root = Page.get_first_root_node()
    placeholder = root.get_children().filter(slug="home").first()
    if placeholder is not None:
        placeholder.slug = "welcome-placeholder"
        placeholder.save()
    home = publish(HomePageFactory(parent=root, locale=english()))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": hostname, "port": port, "root_page": home, "site_name": "Be Digital Together"},
    )
    if placeholder is not None:
        placeholder.delete()
    homes = {"en": home}
    texts = {
        **in_languages(en="home", fr="accueil", nl="start", de="startseite"),
        **in_languages(**dict.fromkeys(HOME_INTRODUCTION, home.title)),
        **in_languages(**HOME_INTRODUCTION),
    }
    homes.update(translate(home, texts))
    return homes
