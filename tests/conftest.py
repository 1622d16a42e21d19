import pytest
from django.core.management import call_command

NEEDS_DEMO = pytest.StashKey[bool]()

# The index pages of the minimal site, with the demo's slugs and titles in the four languages (tests open
# /fr/formations/ as visitors do).
INDEX_PAGES = [
    (
        "trainings.factories.TrainingCatalogPageFactory",
        {"en": "trainings", "fr": "formations", "nl": "opleidingen", "de": "schulungen"},
        {
            "en": "Training catalogue",
            "fr": "Catalogue des formations",
            "nl": "Opleidingscatalogus",
            "de": "Schulungskatalog",
        },
    ),
    (
        "trainings.factories.InitiativeIndexPageFactory",
        {"en": "initiatives", "fr": "initiatives", "nl": "initiatieven", "de": "initiativen"},
        {"en": "Initiatives", "fr": "Initiatives", "nl": "Initiatieven", "de": "Initiativen"},
    ),
    (
        "testimonials.factories.TestimonialIndexPageFactory",
        {"en": "role-models", "fr": "modeles", "nl": "rolmodellen", "de": "vorbilder"},
        {"en": "Role models", "fr": "Modèles inspirants", "nl": "Rolmodellen", "de": "Vorbilder"},
    ),
    (
        "events.factories.EventIndexPageFactory",
        {"en": "events", "fr": "evenements", "nl": "evenementen", "de": "veranstaltungen"},
        {"en": "Events", "fr": "Événements", "nl": "Evenementen", "de": "Veranstaltungen"},
    ),
]


def build_minimal_site():
    """The smallest site every page needs: the Locales (made by the migrations from settings.LANGUAGES), the
    home page in each language with real wagtail-localize translations, the default Site on "localhost",
    and the index page of each app translated the same way. No vocabulary, organisation or content page:
    tests create what they look at with the factories."""
    from django.utils.module_loading import import_string

    from home.factories import in_languages, publish, site_tree, translate

    home = site_tree()["en"]
    for factory_path, slugs, titles in INDEX_PAGES:
        index = publish(import_string(factory_path)(parent=home, slug=slugs["en"], title=titles["en"]))
        translate(index, {**in_languages(**slugs), **in_languages(**titles)})


def pytest_collection_finish(session):
    session.config.stash[NEEDS_DEMO] = any(item.get_closest_marker("demo") for item in session.items)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request):
    """The session's test database (SQLite or PostgreSQL), filled once outside any transaction: with the full
    demo content in four languages (as `make run` does) when a selected test is marked `demo`, otherwise with
    the minimal four-language site (`build_minimal_site`), built in a second or two."""
    _in_memory_sqlite_begins_deferred()
    with django_db_blocker.unblock():
        if request.config.stash.get(NEEDS_DEMO, False):
            call_command("load_demo_content", verbosity=0)
        else:
            build_minimal_site()


def _in_memory_sqlite_begins_deferred():
    """The settings begin SQLite transactions IMMEDIATE (concurrent writers on a file database, issue 11). The
    in-memory test database has a single connection shared by every thread, so nothing to wait for, while a
    test that copies it to a file for a real server (the backup API, inside its test transaction) would wait
    forever on the write lock an IMMEDIATE transaction takes. The servers started on such copies keep the
    real settings."""
    from django.db import connections

    for conn in connections.all():
        if conn.vendor == "sqlite" and conn.is_in_memory_db():
            conn.settings_dict.get("OPTIONS", {}).pop("transaction_mode", None)
            conn.transaction_mode = None


@pytest.fixture(autouse=True)
def _fresh_state():
    """Each test starts in English with an empty cache, whatever the previous request activated."""
    from django.core.cache import cache
    from django.utils import translation

    cache.clear()
    translation.activate("en")
    yield
    translation.deactivate()
    cache.clear()


@pytest.fixture
def locales(db):
    from wagtail.models import Locale

    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def home_pages(db):
    from home.models import HomePage

    return {home.locale.language_code: home for home in HomePage.objects.select_related("locale")}


# The general pages of the demo, with its slugs and titles: (footer setting, in the menus, {code: (slug, title)},
# {code: text of its paragraph}).
GENERAL_PAGES = [
    (
        None,
        True,
        {
            "en": ("about", "About Be Digital Together"),
            "fr": ("a-propos", "À propos de Be Digital Together"),
            "nl": ("over-ons", "Over Be Digital Together"),
            "de": ("ueber-uns", "Über Be Digital Together"),
        },
        {
            "en": "Be Digital Together is part of the federal Women in Digital strategy.",
            "fr": "Be Digital Together fait partie de la stratégie fédérale Women in Digital.",
            "nl": "Be Digital Together maakt deel uit van de federale Women in Digital-strategie.",
            "de": "Be Digital Together ist Teil der föderalen Women-in-Digital-Strategie.",
        },
    ),
    (
        "accessibility_page",
        False,
        {
            "en": ("accessibility", "Accessibility statement"),
            "fr": ("accessibilite", "Déclaration d'accessibilité"),
            "nl": ("toegankelijkheid", "Toegankelijkheidsverklaring"),
            "de": ("barrierefreiheit", "Erklärung zur Barrierefreiheit"),
        },
        {
            "en": "This site aims to be usable by everyone, in all four languages.",
            "fr": "Ce site veut être utilisable par tout le monde, dans les quatre langues.",
            "nl": "Deze site wil voor iedereen bruikbaar zijn, in alle vier de talen.",
            "de": "Diese Website soll für alle nutzbar sein, in allen vier Sprachen.",
        },
    ),
    (
        "privacy_page",
        False,
        {
            "en": ("privacy", "Privacy notice"),
            "fr": ("vie-privee", "Politique de confidentialité"),
            "nl": ("privacy", "Privacyverklaring"),
            "de": ("datenschutz", "Datenschutzerklärung"),
        },
        {
            "en": "We only keep the data you send us through our forms.",
            "fr": "Nous ne conservons que les données que vous nous envoyez par nos formulaires.",
            "nl": "We bewaren alleen de gegevens die u via onze formulieren stuurt.",
            "de": "Wir speichern nur die Daten, die Sie über unsere Formulare senden.",
        },
    ),
    (
        "contact_page",
        False,
        {
            "en": ("contact", "Contact"),
            "fr": ("contact", "Contact"),
            "nl": ("contact", "Contact"),
            "de": ("kontakt", "Kontakt"),
        },
        {
            "en": "The editorial team answers in French, Dutch, German and English.",
            "fr": "L'équipe de rédaction répond en français, en néerlandais, en allemand et en anglais.",
            "nl": "De redactie antwoordt in het Frans, Nederlands, Duits en Engels.",
            "de": "Die Redaktion antwortet auf Französisch, Niederländisch, Deutsch und Englisch.",
        },
    ),
]


def _existing_or_new(parent, slug, factory, **fields):
    """The child `slug` of `parent` (the demo's, in a session that loaded it), or a new one made by
    `factory` and published."""
    from home.factories import publish

    existing = parent.get_children().filter(slug=slug).first()
    return existing.specific if existing else publish(factory(parent=parent, slug=slug, **fields))


@pytest.fixture(scope="session")
def general_pages(django_db_setup, django_db_blocker):
    """The about page (in the menus), the accessibility statement, privacy notice and contact page (the footer
    links), published and translated with the demo's slugs and titles: {English slug: {code: page}}. Made
    once per session, outside the tests' transactions (tests must not change them)."""
    from wagtail.models import Site

    from home.factories import StandardPageFactory, in_languages, translate
    from home.models import HomePage, SiteLinks

    with django_db_blocker.unblock():
        links = SiteLinks.for_site(Site.objects.get(is_default_site=True))
        home = HomePage.objects.get(locale__language_code="en")
        pages = {}
        for setting, in_menus, names, text in GENERAL_PAGES:
            slug, title = names["en"]
            english = _existing_or_new(
                home,
                slug,
                StandardPageFactory,
                title=title,
                show_in_menus=in_menus,
                body=[("paragraph", f"<p>{text['en']}</p>")],
            )
            texts = {
                **in_languages(**{code: names[code][0] for code in names}),
                **in_languages(**{code: names[code][1] for code in names}),
                **in_languages(**text),
            }
            pages[slug] = {"en": english, **translate(english, texts)}
            if setting:
                setattr(links, setting, english)
        links.save()
    return pages


# A few terms of each vocabulary, with the demo's slugs: (factory, slug, {code: name}).
VOCABULARY = [
    ("RegionFactory", "brussels", {"en": "Brussels", "fr": "Bruxelles", "nl": "Brussel", "de": "Brüssel"}),
    ("RegionFactory", "flanders", {"en": "Flanders", "fr": "Flandre", "nl": "Vlaanderen", "de": "Flandern"}),
    ("RegionFactory", "wallonia", {"en": "Wallonia", "fr": "Wallonie", "nl": "Wallonië", "de": "Wallonien"}),
    (
        "RegionFactory",
        "ostbelgien",
        {"en": "East Belgium", "fr": "Belgique de l'Est", "nl": "Oost-België", "de": "Ostbelgien"},
    ),
    (
        "TargetGroupFactory",
        "teenage-girls",
        {
            "en": "Teenage girls",
            "fr": "Adolescentes",
            "nl": "Tienermeisjes",
            "de": "Mädchen im Teenageralter",
        },
    ),
    (
        "TargetGroupFactory",
        "women-jobseekers",
        {
            "en": "Women jobseekers",
            "fr": "Demandeuses d'emploi",
            "nl": "Werkzoekende vrouwen",
            "de": "Arbeitsuchende Frauen",
        },
    ),
    (
        "CompetenceAreaFactory",
        "programming-web",
        {
            "en": "Programming and web",
            "fr": "Programmation et web",
            "nl": "Programmeren en web",
            "de": "Programmierung und Web",
        },
    ),
    (
        "CompetenceAreaFactory",
        "cybersecurity",
        {"en": "Cybersecurity", "fr": "Cybersécurité", "nl": "Cyberbeveiliging", "de": "Cybersicherheit"},
    ),
    (
        "CompetenceAreaFactory",
        "safety",
        {"en": "Safety", "fr": "Sécurité", "nl": "Veiligheid", "de": "Sicherheit"},
    ),
    ("LevelFactory", "basic", {"en": "Basic", "fr": "Débutant", "nl": "Basis", "de": "Grundlagen"}),
    ("LevelFactory", "advanced", {"en": "Advanced", "fr": "Avancé", "nl": "Expert", "de": "Fortgeschritten"}),
    (
        "FormatFactory",
        "on-site",
        {"en": "On-site", "fr": "En présentiel", "nl": "Op locatie", "de": "Vor Ort"},
    ),
    ("FormatFactory", "online", {"en": "Online", "fr": "En ligne", "nl": "Online", "de": "Online"}),
]


@pytest.fixture(scope="session")
def vocabularies(django_db_setup, django_db_blocker):
    """A few regions, target groups, competence areas, levels and formats with the demo's slugs, in the four
    languages (real translations): {slug: {code: term}}. Made once per session (the demo's terms when it is
    loaded), outside the tests' transactions."""
    import home.factories
    from home.factories import in_languages, translate

    terms = {}
    with django_db_blocker.unblock():
        for factory_name, slug, names in VOCABULARY:
            english = getattr(home.factories, factory_name)(slug=slug, name=names["en"])
            terms[slug] = {"en": english, **translate(english, in_languages(**names))}
    return terms


# Role models open to contact, as in the demo: slug -> (name, open to mentoring, speaking, media, languages).
EXPERTS = {
    "sofie-vermeulen": ("Sofie Vermeulen", True, True, True, ["nl", "en"]),
    "hanna-claes": ("Hanna Claes", True, False, True, ["nl", "fr"]),
    "claire-dubois": ("Claire Dubois", False, True, True, ["fr", "en"]),
    "julia-weber": ("Julia Weber", True, True, True, ["de", "nl", "en"]),
    "inge-peeters": ("Inge Peeters", True, False, False, ["nl"]),
}


@pytest.fixture(scope="session")
def experts(django_db_setup, django_db_blocker):
    """The demo's role models of EXPERTS, published in English with their contact address
    (<slug>@example.org) and translated (same slug and name in every language): {slug: {code: page}}. Made
    once per session (the demo's when it is loaded), outside the tests' transactions."""
    from home.factories import in_languages, translate
    from testimonials.factories import TestimonialPageFactory
    from testimonials.models import TestimonialIndexPage

    pages = {}
    with django_db_blocker.unblock():
        index = TestimonialIndexPage.objects.get(locale__language_code="en")
        for slug, (name, mentoring, speaking, media, languages) in EXPERTS.items():
            english = _existing_or_new(
                index,
                slug,
                TestimonialPageFactory,
                title=name,
                open_to_mentoring=mentoring,
                open_to_speaking=speaking,
                open_to_media=media,
                languages=languages,
                contact_email=f"{slug}@example.org",
            )
            same = {
                **in_languages(**dict.fromkeys(("en", "fr", "nl", "de"), slug)),
                **in_languages(**dict.fromkeys(("en", "fr", "nl", "de"), name)),
            }
            pages[slug] = {"en": english, **translate(english, same)}
    return pages


@pytest.fixture
def editor_client(client, django_user_model):
    """The test client, logged in as a superuser ("editor")."""
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def localhost_client():
    """A test client whose requests name the host "localhost" (the demo site's hostname)."""
    from django.test import Client

    return Client(HTTP_HOST="localhost")
