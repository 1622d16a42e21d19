import os
import sqlite3
import time
from pathlib import Path

import pytest
from django.core.management import call_command

NEEDS_DEMO = pytest.StashKey[bool]()

# The demo data files (app, name) that open with the app's index page (model, slug and title in the four
# languages): the minimal site makes the same index pages with each model's factory.
INDEX_PAGE_FILES = [
    ("trainings", "trainings"),
    ("trainings", "initiatives"),
    ("testimonials", "role_models"),
    ("events", "events"),
]


def index_pages():
    """[(factory path, {code: slug}, {code: title})] of the index pages, read from the demo data files."""
    from home.demo import LANGUAGES, read

    specs = []
    for app_label, name in INDEX_PAGE_FILES:
        spec = read(app_label, name)["pages"][0]
        app, model = spec["model"].split(".")
        slugs = {code: spec["slug"].get(code) for code in LANGUAGES}
        titles = {code: spec["fields"]["title"].get(code) for code in LANGUAGES}
        specs.append((f"{app}.factories.{model}Factory", slugs, titles))
    return specs


def build_minimal_site():
    """The smallest site every page needs: the Locales (made by the migrations from settings.LANGUAGES), the
    home page in each language with real wagtail-localize translations, the default Site on "localhost",
    and the index page of each app translated the same way. No vocabulary, organisation or content page:
    tests create what they look at with the factories."""
    from django.utils.module_loading import import_string

    from home.factories import in_languages, publish, site_tree, translate

    home = site_tree()["en"]
    for factory_path, slugs, titles in index_pages():
        index = publish(import_string(factory_path)(parent=home, slug=slugs["en"], title=titles["en"]))
        translate(index, {**in_languages(**slugs), **in_languages(**titles)})


def pytest_configure(config):
    """Under pytest-xdist (`make test-fast`) each worker writes its uploads to a media folder of its own, so no
    test sees another's files. With TEST_SQLITE_TEMPLATE, the in-memory SQLite test database starts as a copy
    of that migrated database file (scripts/test.sh makes it once per run)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker:
        from django.conf import settings

        settings.MEDIA_ROOT = f"{settings.MEDIA_ROOT}-{worker}"
    if os.environ.get("TEST_SQLITE_TEMPLATE"):
        from django.db.backends.signals import connection_created

        connection_created.connect(_copy_sqlite_template, weak=False)


def _sqlite_template(seconds=600):
    """The path of TEST_SQLITE_TEMPLATE once scripts/test.sh has finished migrating it (pytest starts meanwhile)."""
    path = Path(os.environ["TEST_SQLITE_TEMPLATE"])
    failed = path.with_name(path.name + ".failed")
    deadline = time.monotonic() + seconds
    while not path.exists():
        if failed.exists():
            pytest.exit(
                f"The SQLite template database could not be migrated:\n{failed.read_text()}", returncode=1
            )
        if time.monotonic() > deadline:
            pytest.exit(f"No SQLite template database at {path} after {seconds} s", returncode=1)
        time.sleep(0.2)
    return str(path)


def _copy_sqlite_template(sender, connection, **kwargs):
    """The empty in-memory test database becomes a copy of TEST_SQLITE_TEMPLATE (SQLite's backup API) as soon
    as it is opened, so the `migrate` of the test set-up finds every migration applied: each session and
    xdist worker copies in a moment what took 20 s of CPU to migrate."""
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        return
    database = connection.connection
    if database.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
        return
    template = sqlite3.connect(_sqlite_template())
    try:
        template.backup(database)
    finally:
        template.close()


def pytest_collection_finish(session):
    session.config.stash[NEEDS_DEMO] = any(item.get_closest_marker("demo") for item in session.items)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request):
    """The session's test database (SQLite or PostgreSQL), filled once outside any transaction: with the full
    demo content in four languages (as `make run` does) when a selected test is marked `demo`, otherwise with
    the minimal four-language site (`build_minimal_site`), built in a second or two."""
    _in_memory_sqlite_begins_deferred()
    with django_db_blocker.unblock():
        if not _database_is_set_up():
            return  # no selected test uses the database (e.g. browser tests alone: their site is built apart)
        if request.config.stash.get(NEEDS_DEMO, False):
            call_command("load_demo_content", verbosity=0)
        else:
            build_minimal_site()


def _database_is_set_up():
    """pytest-django sets up the test database only when a selected test uses it."""
    from django.db import connection

    return "wagtailcore_page" in connection.introspection.table_names()


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
    """Each test starts in English with an empty cache and every search engine's breaker closed, whatever the
    previous request activated."""
    from django.core.cache import cache
    from django.utils import translation

    from search.backends import breaker

    cache.clear()
    breaker.reset()
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


# The general page types of home/demo/site.json and the factory that makes each in the minimal site.
GENERAL_PAGE_FACTORIES = {
    "home.StandardPage": "home.factories.StandardPageFactory",
    "home.ContactPage": "home.factories.ContactPageFactory",
}


def demo_general_pages():
    """The general pages (standard pages and the contact page) of home/demo/site.json: [(model label, footer
    setting or None, in the menus, {field: {code: text}})], the fields being the slug, title, introduction and
    the first paragraph of the body."""
    from home.demo import LANGUAGES, read

    pages = []
    for spec in read("home", "site")["pages"]:
        if spec["model"] not in GENERAL_PAGE_FACTORIES:
            continue
        fields = spec["fields"]
        body = next(block for block in fields["body"]["$stream"] if block["type"] == "paragraph")
        texts = {
            "slug": spec["slug"],
            "title": fields["title"],
            "introduction": fields["introduction"],
            "paragraph": body["value"]["$paragraphs"][0],
        }
        in_each = {field: {code: text.get(code) for code in LANGUAGES} for field, text in texts.items()}
        pages.append((spec["model"], spec.get("setting"), fields.get("show_in_menus", False), in_each))
    return pages


def _existing_or_new(parent, slug, factory, **fields):
    """The child `slug` of `parent` (the demo's, in a session that loaded it), or a new one made by
    `factory` and published."""
    from home.factories import publish

    existing = parent.get_children().filter(slug=slug).first()
    return existing.specific if existing else publish(factory(parent=parent, slug=slug, **fields))


@pytest.fixture(scope="session")
def general_pages(django_db_setup, django_db_blocker):
    """The general pages of the demo (home/demo/site.json): the about page (in the menus), the accessibility
    statement, privacy notice and contact page (the footer links), published and translated with the demo's
    slugs, titles, introductions and first paragraphs: {English slug: {code: page}}. Made
    once per session, outside the tests' transactions (tests must not change them)."""
    from django.utils.module_loading import import_string
    from wagtail.models import Site

    from home.demo import paragraphs
    from home.factories import in_languages, translate
    from home.models import HomePage, SiteLinks

    with django_db_blocker.unblock():
        links = SiteLinks.for_site(Site.objects.get(is_default_site=True))
        home = HomePage.objects.get(locale__language_code="en")
        pages = {}
        for model, setting, in_menus, text in demo_general_pages():
            slug = text["slug"]["en"]
            english = _existing_or_new(
                home,
                slug,
                import_string(GENERAL_PAGE_FACTORIES[model]),
                title=text["title"]["en"],
                introduction=text["introduction"]["en"],
                show_in_menus=in_menus,
                body=[("paragraph", paragraphs(text["paragraph"]["en"]))],
            )
            texts = {}
            for field_texts in text.values():
                texts.update(in_languages(**field_texts))
            pages[slug] = {"en": english, **translate(english, texts)}
            if setting:
                setattr(links, setting, english)
        links.save()
    return pages


# The terms of each vocabulary of home/demo/vocabularies.json the minimal site has: {model: [slugs]}.
VOCABULARY = {
    "home.Region": ["brussels", "flanders", "wallonia", "ostbelgien"],
    "home.TargetGroup": ["teenage-girls", "women-jobseekers"],
    "home.CompetenceArea": ["programming-web", "cybersecurity", "safety"],
    "home.Level": ["basic", "advanced"],
    "home.Format": ["on-site", "online"],
}


def demo_terms():
    """[(factory name, slug, {code: name}, {other field: value})] of the VOCABULARY terms, read from the demo's
    data file."""
    from home.demo import LANGUAGES, Text, read

    terms = []
    for group in read("home", "vocabularies")["snippets"]:
        model = group["model"].split(".")[1]
        for item in group["items"]:
            if item["slug"] in VOCABULARY.get(group["model"], ()):
                name = item["name"] if isinstance(item["name"], Text) else Text.same(item["name"])
                names = {code: name.get(code) for code in LANGUAGES}
                other = {field: item[field] for field in ("kind", "sort_order") if field in item}
                terms.append((f"{model}Factory", item["slug"], names, other))
    return terms


@pytest.fixture(scope="session")
def vocabularies(django_db_setup, django_db_blocker):
    """The demo's regions, target groups, competence areas, levels and formats of VOCABULARY, in the four
    languages (real translations): {slug: {code: term}}. Made once per session (the demo's terms when it is
    loaded), outside the tests' transactions."""
    import home.factories
    from home.factories import in_languages, translate

    terms = {}
    with django_db_blocker.unblock():
        for factory_name, slug, names, other in demo_terms():
            english = getattr(home.factories, factory_name)(slug=slug, name=names["en"], **other)
            terms[slug] = {"en": english, **translate(english, in_languages(**names))}
    return terms


# The demo's role models (testimonials/demo/role_models.json) the `experts` fixture makes, open to contact.
EXPERTS = ["sofie-vermeulen", "hanna-claes", "claire-dubois", "julia-weber", "inge-peeters"]
EXPERT_FIELDS = ("open_to_mentoring", "open_to_speaking", "open_to_media", "languages", "contact_email")


def demo_experts():
    """{slug: (name, {field of EXPERT_FIELDS: value})} of the EXPERTS, read from the demo's data file."""
    from home.demo import read

    found = {}
    for spec in read("testimonials", "role_models")["pages"][0]["children"]:
        if spec.get("slug") in EXPERTS:
            fields = spec["fields"]
            found[spec["slug"]] = (str(fields["title"]), {name: fields[name] for name in EXPERT_FIELDS})
    return {slug: found[slug] for slug in EXPERTS}


@pytest.fixture(scope="session")
def experts(django_db_setup, django_db_blocker):
    """The demo's role models of EXPERTS, published in English with their contact address, languages and
    what they are open to, and translated (same slug and name in every language): {slug: {code: page}}. Made
    once per session (the demo's when it is loaded), outside the tests' transactions."""
    from home.factories import in_languages, translate
    from testimonials.factories import TestimonialPageFactory
    from testimonials.models import TestimonialIndexPage

    pages = {}
    with django_db_blocker.unblock():
        index = TestimonialIndexPage.objects.get(locale__language_code="en")
        for slug, (name, fields) in demo_experts().items():
            english = _existing_or_new(index, slug, TestimonialPageFactory, title=name, **fields)
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


# -- content made with the factories ---------------------------------------------------------------------
# Varied pages of each listing, made in the language of the listing looked at, linked to that language's
# vocabulary terms (the slugs of VOCABULARY).
# (title, job title, sector, region, competence areas, target groups, languages, speaking, media)
ROLE_MODELS = [
    ("Amina", "Data analyst", "software", "brussels", ["programming-web", "cybersecurity"],
     ["women-jobseekers"], ["fr", "en"], True, False),
    ("Lotte", "Web developer", "software", "brussels", ["programming-web"], ["teenage-girls"], ["nl"],
     True, True),
    ("Sarah", "Data engineer", "finance", "flanders", ["cybersecurity"],
     ["women-jobseekers", "teenage-girls"], ["nl", "en"], False, True),
    ("Claire", "Security officer", "software", "wallonia", ["cybersecurity", "safety"], [], ["fr"],
     True, False),
    ("Nadia", "Data scientist", "health", "brussels", ["programming-web"], ["teenage-girls"],
     ["de", "nl"], True, True),
    ("Eva", "Project manager", "public", "ostbelgien", ["safety"], ["women-jobseekers"], ["de"], False,
     False),
    ("Ines", "Data protection officer", "software", "brussels", ["safety"], [], ["fr", "nl"], False,
     True),
]  # fmt: skip

# (kind, start in days from now, region, languages, audiences)
EVENTS = [
    ("workshop", 5, "brussels", ["fr", "en"], ["teenage-girls"]),
    ("workshop", 10, "flanders", ["nl"], ["women-jobseekers"]),
    ("panel", 3, "brussels", ["fr"], []),
    ("webinar", 20, "wallonia", ["de", "fr"], ["women-jobseekers"]),
    ("workshop", -10, "brussels", ["de"], ["teenage-girls"]),
    ("panel", -30, "ostbelgien", ["de", "en"], ["women-jobseekers"]),
    ("job_day", -5, "flanders", ["nl", "fr"], ["teenage-girls"]),
    ("workshop", -60, "wallonia", ["fr"], []),
]

# (title, competence areas, level, format, target groups, region, languages, facilities, women only, free,
#  session start in days from today or None)
TRAININGS = [
    ("Web basics", ["programming-web"], "basic", "on-site", ["women-jobseekers"], "flanders", ["nl", "fr"],
     ["wheelchair"], True, True, 20),
    ("Web development bootcamp", ["programming-web"], "advanced", "online", ["women-jobseekers"], "flanders",
     ["fr"], ["childcare", "jobseekers"], False, False, None),
    ("Cybersecurity for all", ["cybersecurity", "safety"], "basic", "online", ["teenage-girls"], "brussels",
     ["en", "fr"], [], True, True, -30),
    ("Web security", ["cybersecurity", "programming-web"], "advanced", "on-site",
     ["women-jobseekers", "teenage-girls"], "flanders", ["nl"], ["hearing-loop"], False, True, 5),
    ("Safe online", ["safety"], "basic", "online", ["women-jobseekers"], "wallonia", ["de", "nl"],
     ["wheelchair", "sign-language"], True, True, 40),
    ("Coding club", ["programming-web"], "basic", "on-site", ["teenage-girls"], "brussels", ["en"], [], False,
     False, 10),
]  # fmt: skip

# (kind, target groups, regions, strategic objectives, funding)
INITIATIVES = [
    ("programme", ["women-jobseekers"], ["brussels", "flanders"], ["skills"], "public"),
    ("programme", ["teenage-girls"], ["wallonia"], ["skills", "careers"], "european"),
    ("campaign", ["teenage-girls"], ["brussels"], ["careers"], "public"),
    ("programme", [], ["ostbelgien"], ["careers"], "private"),
    ("network", ["women-jobseekers"], ["flanders"], [], "mixed"),
]

OBJECTIVES = {
    "skills": {"en": "Digital skills", "fr": "Compétences numériques", "nl": "Digitale vaardigheden",
               "de": "Digitale Kompetenzen"},
    "careers": {"en": "Digital careers", "fr": "Carrières numériques", "nl": "Digitale loopbanen",
                "de": "Digitale Berufe"},
}  # fmt: skip

# Organisations: slug -> {code: name}. The first five are the demo's; the last one has a name of its own in
# each language, so that a test can tell which language's organisation a page shows.
ORGANISATIONS = {
    **{slug: dict.fromkeys(("en", "fr", "nl", "de"), name) for slug, name in (
        ("becode", "BeCode"), ("agoria", "Agoria"), ("vdab", "VDAB"), ("interface3", "Interface3"),
        ("molengeek", "MolenGeek"),
    )},
    "women-in-tech": {"en": "Women in Tech Belgium", "fr": "Femmes dans la tech Belgique",
                      "nl": "Vrouwen in tech België", "de": "Frauen in der Technik Belgien"},
}  # fmt: skip


def add_page(factory, index, relations=None, **fields):
    """A published page made by `factory` under `index`, with its many-to-many `relations` set."""
    from home.factories import publish

    page = factory(parent=index, **fields)
    for name, terms in (relations or {}).items():
        getattr(page, name).set(terms)
    return publish(page)


class Content:
    """Pages of every listing made with the factories, in the language of the index they are added to (as an
    editor writing in that language would): the role models, events, trainings and initiatives of the tables
    above, and the organisations of ORGANISATIONS. Each method returns the pages it made."""

    def __init__(self, vocabularies):
        self.terms = vocabularies
        self._organisations = None

    def term(self, slug, code):
        return self.terms[slug][code]

    @staticmethod
    def add(factory, index, relations=None, **fields):
        """A published page made by `factory` under `index`, with its many-to-many `relations` set."""
        return add_page(factory, index, relations, **fields)

    def organisations(self):
        """The organisations of ORGANISATIONS, in English and translated: {slug: {code: organisation}}."""
        if self._organisations is None:
            from home.factories import OrganisationFactory, in_languages, translate

            self._organisations = {}
            for slug, names in ORGANISATIONS.items():
                english = OrganisationFactory(slug=slug, name=names["en"])
                self._organisations[slug] = {"en": english, **translate(english, in_languages(**names))}
        return self._organisations

    def organisation(self, slug, code="en"):
        return self.organisations()[slug][code]

    def one_of_each(self, codes=("en", "fr", "nl", "de")):
        """One page of each listing's page type (training, initiative, event, role model) in each language
        of `codes`, made by its factory."""
        from events.factories import EventPageFactory
        from events.models import EventIndexPage
        from testimonials.factories import TestimonialPageFactory
        from testimonials.models import TestimonialIndexPage
        from trainings.factories import InitiativePageFactory, TrainingPageFactory
        from trainings.models import InitiativeIndexPage, TrainingCatalogPage

        made = []
        for index_model, factory in (
            (TrainingCatalogPage, TrainingPageFactory),
            (InitiativeIndexPage, InitiativePageFactory),
            (EventIndexPage, EventPageFactory),
            (TestimonialIndexPage, TestimonialPageFactory),
        ):
            for index in index_model.objects.filter(locale__language_code__in=codes):
                made.append(add_page(factory, index))
        return made

    def role_models(self, code):
        from testimonials.factories import TestimonialPageFactory
        from testimonials.models import TestimonialIndexPage

        index = TestimonialIndexPage.objects.get(locale__language_code=code)
        return [
            add_page(
                TestimonialPageFactory,
                index,
                {
                    "competence_areas": [self.term(slug, code) for slug in areas],
                    "target_groups": [self.term(slug, code) for slug in targets],
                },
                title=title,
                job_title=job,
                sector=sector,
                region=self.term(region, code),
                languages=languages,
                open_to_speaking=speaking,
                open_to_media=media,
            )
            for title, job, sector, region, areas, targets, languages, speaking, media in ROLE_MODELS
        ]

    def events(self, code):
        import datetime

        from django.utils import timezone

        from events.factories import EventPageFactory
        from events.models import EventIndexPage

        index = EventIndexPage.objects.get(locale__language_code=code)
        now = timezone.now()
        return [
            add_page(
                EventPageFactory,
                index,
                {"audiences": [self.term(slug, code) for slug in audiences]},
                kind=kind,
                start=now + datetime.timedelta(days=days),
                region=self.term(region, code),
                languages=languages,
            )
            for kind, days, region, languages, audiences in EVENTS
        ]

    def trainings(self, code, providers=()):
        """The TRAININGS in `code`'s catalogue; the slugs `providers` (of ORGANISATIONS) provide them in turn."""
        import datetime

        from trainings.factories import TrainingPageFactory, TrainingPageSessionFactory
        from trainings.models import TrainingCatalogPage

        index = TrainingCatalogPage.objects.get(locale__language_code=code)
        today = datetime.date.today()
        made = []
        for number, row in enumerate(TRAININGS):
            title, areas, level, format_, targets, region, languages, facilities, women, free, session = row
            training = add_page(
                TrainingPageFactory,
                index,
                {
                    "competence_areas": [self.term(slug, code) for slug in areas],
                    "target_groups": [self.term(slug, code) for slug in targets],
                },
                title=title,
                level=self.term(level, code),
                format=self.term(format_, code),
                region=self.term(region, code),
                languages=languages,
                facilities=facilities,
                women_only=women,
                is_free=free,
                price=None if free else 250,
                provider=self.organisation(providers[number % len(providers)], code) if providers else None,
            )
            if session is not None:
                TrainingPageSessionFactory(page=training, start_date=today + datetime.timedelta(days=session))
            made.append(training)
        return made

    def seed_trainings(self, n, code="en"):
        """`n` more trainings in `code`'s catalogue, in bulk (`seed_benchmark`'s seeder): varied titles,
        terms of the vocabularies, providers among the organisations, sessions; their ids."""
        from trainings.benchmark import seed
        from trainings.models import TrainingCatalogPage

        self.organisations()
        return seed(n, TrainingCatalogPage.objects.get(locale__language_code=code), index=True)

    def objectives(self):
        """The strategic objectives of OBJECTIVES, in English and translated: {slug: {code: objective}}."""
        from home.factories import StrategicObjectiveFactory, in_languages, translate

        objectives = {}
        for slug, names in OBJECTIVES.items():
            english = StrategicObjectiveFactory(slug=slug, name=names["en"])
            objectives[slug] = {"en": english, **translate(english, in_languages(**names))}
        return objectives

    def initiatives(self, code, organisations=()):
        """The INITIATIVES in `code`'s repository, each run by the organisations of slugs `organisations`."""
        from trainings.factories import InitiativePageFactory
        from trainings.models import InitiativeIndexPage, InitiativePageOrganisation

        objectives = self.objectives()
        index = InitiativeIndexPage.objects.get(locale__language_code=code)
        made = []
        for kind, targets, regions, goals, funding in INITIATIVES:
            initiative = add_page(
                InitiativePageFactory,
                index,
                {
                    "target_groups": [self.term(slug, code) for slug in targets],
                    "regions": [self.term(slug, code) for slug in regions],
                    "strategic_objectives": [objectives[slug][code] for slug in goals],
                },
                kind=kind,
                funding_type=funding,
            )
            for position, slug in enumerate(organisations):
                InitiativePageOrganisation.objects.create(
                    page=initiative, organisation=self.organisation(slug, code), sort_order=position
                )
            made.append(initiative)
        return made


@pytest.fixture
def portrait(db):
    """A picture in Wagtail's image library (in the root collection), for role models' portraits."""
    import factory
    from wagtail.models import Collection
    from wagtail_factories import ImageFactory

    return ImageFactory(
        collection=Collection.get_first_root_node(),
        title="Portrait",
        file=factory.django.ImageField(width=600, height=600, color="teal"),
    )


@pytest.fixture
def content(db, vocabularies):
    """`Content`: pages of every listing, made in the test's transaction with the factories."""
    return Content(vocabularies)
