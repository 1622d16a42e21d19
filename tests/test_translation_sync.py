"""Every field of every page type translates and syncs (issue 14, point 1).

For each page type an English page is made with every field filled, translated into French through
wagtail-localize as the admin does (translation source, string translations, create_or_update_translation;
home.factories.update_translation), then the English page is changed and the translation synced the same way.
After each step every declared field of the French page is checked (`assert_follows`): text is the French
translation (the default translation "<English> (fr)" of home.factories unless a test gives one), synchronised
fields are the English page's, and links to vocabulary terms and organisations are the French terms."""

import datetime
import json
from decimal import Decimal

import pytest
import wagtail_factories
from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import get_all_child_relations
from taggit.managers import TaggableManager
from wagtail.fields import RichTextField, StreamField
from wagtail.models import COMMENTS_RELATION_NAME, Page, TranslatableMixin
from wagtail_localize.fields import TranslatableField, get_translatable_fields

from home.factories import (
    OrganisationFactory,
    StandardPageFactory,
    StrategicObjectiveFactory,
    in_languages,
    publish,
    translate,
    update_translation,
)
from home.fields import ChoiceListField
from home.models import HomePage
from home.translation_sync import is_translatable_snippet

pytestmark = pytest.mark.django_db

# The fields of Page that every page type translates, checked with the page type's own declarations.
PAGE_FIELDS = ("title", "slug", "seo_title", "search_description")


# -- checking a translation ---------------------------------------------------------------------------------
def declared_fields(model):
    """{name: TranslatableField or SynchronizedField} of the fields `model` declares (and, for a page, the
    PAGE_FIELDS), as wagtail-localize reads them."""
    names = {field.field_name for field in getattr(model, "override_translatable_fields", [])}
    if issubclass(model, Page):
        names.update(PAGE_FIELDS)
    return {field.field_name: field for field in get_translatable_fields(model) if field.field_name in names}


def is_child_relation(field):
    return isinstance(field, models.ManyToOneRel)


def value_of(obj, field):
    if isinstance(field, ParentalManyToManyField):
        return sorted(getattr(obj, field.name).all(), key=lambda term: term.pk)
    if isinstance(field, TaggableManager):
        return sorted(tag.name for tag in getattr(obj, field.name).all())
    if is_child_relation(field):
        rows = getattr(obj, field.get_accessor_name()).order_by("pk")
        return list(rows.order_by("sort_order", "pk") if hasattr(field.related_model, "sort_order") else rows)
    if field.many_to_one:
        return getattr(obj, field.name)
    value = field.value_from_object(obj)
    return (
        json.dumps(field.get_prep_value(value), sort_keys=True) if isinstance(field, StreamField) else value
    )


def filled(value):
    return value not in (None, "", [], "[]")


def assert_same_snippets(english, french, locale):
    """The French links point at the French translations of the English links."""
    english = english if isinstance(english, list) else [english]
    french = french if isinstance(french, list) else [french]
    assert sorted(str(term.translation_key) for term in french) == sorted(
        str(term.translation_key) for term in english
    )
    assert {term.locale_id for term in french} == {locale.pk}


def assert_rows_copied(english_rows, french_rows, locale):
    """Synchronised child objects: copies of the English rows, links to snippets in French."""
    assert len(french_rows) == len(english_rows)
    for english, french in zip(english_rows, french_rows, strict=True):
        for field in type(english)._meta.concrete_fields:
            if field.primary_key or field.name in ("page", "content_object", "locale"):
                continue
            if is_translatable_snippet(field.related_model):
                assert_same_snippets(getattr(english, field.name), getattr(french, field.name), locale)
            else:
                assert getattr(french, field.attname) == getattr(english, field.attname), field.name


def assert_translated_text(field, english, french, code):
    if not english:
        assert not french, field.name
    elif field.name == "slug":
        assert french == f"{english}-{code}"
    elif isinstance(field, RichTextField | StreamField):
        assert french != english and f"({code})" in french, field.name
    else:
        assert french == f"{english} ({code})", field.name


def assert_follows(english, french, texts=None, row=False):
    """Every declared field of `french` is what translating `english` gives (see the module docstring);
    `texts`: {English text: its French translation} where a test gave its own. A test fills every field of a
    page; a child row (`row`) may leave one empty (a speaker has a name or a directory page)."""
    texts = texts or {}
    locale, code = french.locale, french.locale.language_code
    assert french.translation_key == english.translation_key
    for name, declaration in declared_fields(type(english)).items():
        field = type(english)._meta.get_field(name)
        english_value, french_value = value_of(english, field), value_of(french, field)
        assert row or filled(english_value) or isinstance(field, models.BooleanField), (
            f"fill {name} in the test"
        )
        if is_child_relation(field) and issubclass(field.related_model, TranslatableMixin):
            assert isinstance(declaration, TranslatableField), name
            assert len(french_value) == len(english_value), name
            for english_row, french_row in zip(english_value, french_value, strict=True):
                assert french_row.locale_id == locale.pk
                assert_follows(english_row, french_row, texts, row=True)
        elif is_child_relation(field) and field.related_model in tag_rows(type(english)):
            continue  # the rows of translated tags: checked with the tags
        elif is_child_relation(field):
            assert_rows_copied(english_value, french_value, locale)
        elif isinstance(field, TaggableManager):
            assert isinstance(declaration, TranslatableField), name
            assert french_value == sorted(texts.get(tag, f"{tag} ({code})") for tag in english_value)
        elif isinstance(declaration, TranslatableField) and english_value in texts:
            assert french_value == texts[english_value], name
        elif isinstance(declaration, TranslatableField):
            assert_translated_text(field, english_value, french_value, code)
        elif is_translatable_snippet(field.related_model):
            assert_same_snippets(english_value, french_value, locale)
        else:
            assert french_value == english_value, name


def tag_rows(model):
    """The models of the rows that link `model` to its tags (the through models of its tag fields)."""
    return {field.through for field in model._meta.get_fields() if isinstance(field, TaggableManager)}


def french_of(english, texts=None):
    """Translate `english` into French (wagtail-localize) and check every field of the translation."""
    french = translate(english, texts, codes=["fr"])["fr"]
    assert_follows(fresh(english), french)
    return french


def sync(english, french, texts=None):
    """Sync the French translation with the changed `english` page and check every field of it."""
    french = update_translation(english, "fr", texts)
    assert french.pk is not None
    assert_follows(fresh(english), french)
    return french


def fresh(page):
    return type(page).objects.get(pk=page.pk)


def terms(vocabularies, *slugs, code="en"):
    return [vocabularies[slug][code] for slug in slugs]


def organisation(slug, name):
    english = OrganisationFactory(slug=slug, name=name)
    translate(english, in_languages(en=name, fr=f"{name} FR"), codes=["fr"])
    return english


def french_terms(page, relation):
    return sorted((term.slug, term.locale.language_code) for term in getattr(page, relation).all())


def index_of(model, code="en"):
    return model.objects.get(locale__language_code=code)


# -- trainings ------------------------------------------------------------------------------------------------
def test_a_training_translates_and_syncs_every_field(vocabularies):
    from trainings.factories import TrainingPageFactory
    from trainings.models import TrainingCatalogPage, TrainingPageSession

    provider, other_provider = (
        organisation("women-in-tech", "Women in Tech"),
        organisation("becode", "BeCode"),
    )
    page = TrainingPageFactory(
        parent=index_of(TrainingCatalogPage),
        title="Web development",
        slug="web-development",
        seo_title="Learn web development",
        search_description="A course in web development for women.",
        introduction="Six months to become a web developer.",
        description="<p>Hands-on training with coaches from the sector.</p>",
        provider=provider,
        format=vocabularies["online"]["en"],
        level=vocabularies["basic"]["en"],
        region=vocabularies["brussels"]["en"],
        women_only=True,
        languages=["fr", "en"],
        venue="Rue Royale 1, Brussels",
        is_free=False,
        price=Decimal("120.00"),
        duration="6 months",
        registration_url="https://example.org/register",
        certification="Certificate of attendance",
        facilities=["wheelchair", "childcare"],
        external_reference="EXT-001",
    )
    page.competence_areas = terms(vocabularies, "programming-web", "cybersecurity")
    page.target_groups = terms(vocabularies, "women-jobseekers")
    page.sessions = [TrainingPageSession(start_date=datetime.date(2030, 3, 1), location="Brussels")]
    english = publish(page)
    french = french_of(english)
    assert french_terms(french, "competence_areas") == [("cybersecurity", "fr"), ("programming-web", "fr")]
    assert french.provider.name == "Women in Tech FR"
    assert french.get_facilities_labels() == english.get_facilities_labels()

    english.competence_areas = terms(vocabularies, "cybersecurity", "safety")
    english.target_groups = terms(vocabularies, "women-jobseekers", "teenage-girls")
    english.provider, english.format = other_provider, vocabularies["on-site"]["en"]
    english.level, english.region = vocabularies["advanced"]["en"], vocabularies["flanders"]["en"]
    english.duration, english.price, english.languages = "8 weeks", Decimal("90.00"), ["nl"]
    english.facilities = ["hearing-loop"]
    english.sessions = [
        TrainingPageSession(start_date=datetime.date(2030, 9, 1), end_date=datetime.date(2030, 9, 30)),
        TrainingPageSession(start_date=datetime.date(2031, 1, 5), location="Ghent"),
    ]
    english = publish(english)
    french = sync(english, french)
    # a French training's competence areas match its English source after a sync
    assert french_terms(french, "competence_areas") == [("cybersecurity", "fr"), ("safety", "fr")]
    assert french.duration == "8 weeks (fr)"
    assert french.provider.name == "BeCode FR"


# -- initiatives ----------------------------------------------------------------------------------------------
def test_an_initiative_translates_and_syncs_every_field_with_its_timeline_outcomes_and_links(vocabularies):
    from trainings.factories import InitiativePageFactory
    from trainings.models import (
        InitiativeIndexPage,
        InitiativePageLink,
        InitiativePageOrganisation,
        InitiativePageOutcome,
        InitiativePageTimelineEntry,
    )

    objective = StrategicObjectiveFactory(slug="skills", name="Digital skills", number=1)
    translate(objective, in_languages(en="Digital skills", fr="Compétences numériques"), codes=["fr"])
    molengeek, becode = organisation("molengeek", "MolenGeek"), organisation("becode", "BeCode")
    page = InitiativePageFactory(
        parent=index_of(InitiativeIndexPage),
        title="Coding school",
        slug="coding-school",
        seo_title="A coding school in Brussels",
        search_description="Free coding trainings for young people.",
        introduction="Free coding trainings for young people in Brussels.",
        description="<p>A school that teaches web development in six months.</p>",
        kind="programme",
        funding_type="european",
        website="https://example.org/",
    )
    page.target_groups = terms(vocabularies, "women-jobseekers")
    page.regions = terms(vocabularies, "brussels", "flanders")
    page.strategic_objectives = [objective]
    page.organisations = [InitiativePageOrganisation(organisation=molengeek)]
    page.timeline = [
        InitiativePageTimelineEntry(year=2017, status="approved", description="The pilot starts."),
        InitiativePageTimelineEntry(year=2019, status="implementation", description="It becomes a centre."),
    ]
    page.outcomes = [InitiativePageOutcome(figure="6", label="months to learn web development")]
    page.links = [InitiativePageLink(title="Website", url="https://example.org/")]
    english = publish(page)
    texts = in_languages(en="months to learn web development", fr="mois pour apprendre le développement web")
    texts.update(in_languages(en="Website", fr="Site web"))
    french = translate(english, texts, codes=["fr"])["fr"]
    assert_follows(
        english,
        french,
        {
            "months to learn web development": "mois pour apprendre le développement web",
            "Website": "Site web",
        },
    )
    assert french.identifier == english.identifier
    assert french.outcomes.get().label == "mois pour apprendre le développement web"
    assert french.links.get().title == "Site web"
    assert french.organisations.get().organisation.name == "MolenGeek FR"

    english.regions = terms(vocabularies, "wallonia")
    english.organisations = [
        InitiativePageOrganisation(organisation=becode),
        InitiativePageOrganisation(organisation=molengeek),
    ]
    timeline = list(english.timeline.all())
    timeline[1].description = "It becomes a training centre."
    english.timeline = [
        *timeline,
        InitiativePageTimelineEntry(year=2021, status="completed", description="It is a regular practice."),
    ]
    english.outcomes = [InitiativePageOutcome(figure="3", label="pillars of the offer")]
    english.links = [InitiativePageLink(title="Annual report", url="https://example.org/report")]
    english = publish(english)
    french = sync(english, french)
    assert french_terms(french, "regions") == [("wallonia", "fr")]
    assert [entry.description for entry in french.timeline.order_by("sort_order")] == [
        "The pilot starts. (fr)",
        "It becomes a training centre. (fr)",
        "It is a regular practice. (fr)",
    ]
    assert [row.organisation.name for row in french.organisations.order_by("sort_order")] == [
        "BeCode FR",
        "MolenGeek FR",
    ]


# -- events -----------------------------------------------------------------------------------------------
def test_an_event_translates_and_syncs_every_field(vocabularies, experts):
    from events.factories import EventPageFactory, local
    from events.models import EventIndexPage, EventPageExhibitor, EventPageSpeaker

    agoria, vdab = organisation("agoria", "Agoria"), organisation("vdab", "VDAB")
    page = EventPageFactory(
        parent=index_of(EventIndexPage),
        title="Women in cybersecurity",
        slug="women-in-cybersecurity",
        seo_title="A panel on women in cybersecurity",
        search_description="Four experts talk about careers in cybersecurity.",
        introduction="Four experts talk about their careers.",
        kind="panel",
        start=local(2030, 5, 4, 18),
        end=local(2030, 5, 4, 20),
        venue_name="Town hall",
        address="Grand-Place 1, Brussels",
        region=vocabularies["brussels"]["en"],
        online_url="https://example.org/live",
        organiser_name="Brussels digital network",
        languages=["fr", "en"],
        registration_url="https://example.org/register",
        capacity_note="120 places, free",
        body=[("paragraph", "<p>An evening on careers in cybersecurity.</p>")],
        programme=[
            (
                "item",
                {
                    "start_time": datetime.time(18),
                    "end_time": datetime.time(18, 30),
                    "title": "Welcome",
                    "room": "Hall",
                    "speakers": "Anna",
                },
            )
        ],
    )
    page.organisers = [agoria]
    page.audiences = terms(vocabularies, "teenage-girls")
    page.topics = terms(vocabularies, "cybersecurity")
    page.speakers = [
        EventPageSpeaker(name="Anna", affiliation="CISO, a bank", role="panellist", gender="woman"),
        EventPageSpeaker(
            person=experts["claire-dubois"]["en"], affiliation="Analyst", role="moderator", gender="woman"
        ),
    ]
    page.exhibitors = [EventPageExhibitor(organisation=agoria, stand="A1")]
    english = publish(page)
    french = french_of(english)
    assert [organiser.name for organiser in french.organisers.all()] == ["Agoria FR"]
    assert french.exhibitors.get().organisation.name == "Agoria FR"

    english.topics = terms(vocabularies, "cybersecurity", "safety")
    english.audiences = terms(vocabularies, "women-jobseekers")
    english.organisers = [agoria, vdab]
    english.region = vocabularies["flanders"]["en"]
    english.end = local(2030, 5, 4, 21)
    english.capacity_note = "150 places, free"
    english.exhibitors = [EventPageExhibitor(organisation=vdab, stand="B2")]
    speakers = list(english.speakers.all())
    next(speaker for speaker in speakers if speaker.name == "Anna").affiliation = "CISO, an insurer"
    english.speakers = speakers
    english = publish(english)
    french = sync(english, french)
    assert french_terms(french, "topics") == [("cybersecurity", "fr"), ("safety", "fr")]
    assert french.capacity_note == "150 places, free (fr)"
    # the speakers' job titles are translated, their names are the same
    assert sorted((s.display_name, s.affiliation) for s in french.speakers.all()) == [
        ("Anna", "CISO, an insurer (fr)"),
        (experts["claire-dubois"]["en"].title, "Analyst (fr)"),
    ]


# -- role models ----------------------------------------------------------------------------------------------
def test_a_role_model_translates_and_syncs_every_field(vocabularies):
    from testimonials.factories import TestimonialPageFactory
    from testimonials.models import TestimonialIndexPage, TestimonialPageCareerStep

    employer, other_employer = organisation("agoria", "Agoria"), organisation("interface3", "Interface3")
    page = TestimonialPageFactory(
        parent=index_of(TestimonialIndexPage),
        title="Amina",
        slug="amina",
        seo_title="Amina, data analyst",
        search_description="How Amina became a data analyst.",
        introduction="From the shop floor to data.",
        portrait=wagtail_factories.ImageFactory(),
        portrait_alt_text="Amina smiling at her desk",
        job_title="Data analyst",
        employer=employer,
        sector="software",
        region=vocabularies["brussels"]["en"],
        pull_quote="Data tells stories.",
        story=[("paragraph", "<p>I started as a cashier.</p>")],
        consent_date=datetime.date(2026, 1, 10),
        open_to_mentoring=True,
        open_to_speaking=True,
        open_to_media=True,
        languages=["fr", "en"],
        contact_email="amina@example.org",
    )
    page.competence_areas = terms(vocabularies, "programming-web")
    page.target_groups = terms(vocabularies, "teenage-girls")
    page.career_steps = [TestimonialPageCareerStep(year=2015, role="Cashier", organisation="A shop")]
    page.expertise_tags.add("Data visualisation", "Python")
    english = publish(page)
    texts = in_languages(en="Data visualisation", fr="Visualisation de données")
    french = translate(english, texts, codes=["fr"])["fr"]
    assert_follows(english, french, {"Data visualisation": "Visualisation de données"})
    assert sorted(tag.name for tag in french.expertise_tag_list()) == [
        "Python (fr)",
        "Visualisation de données",
    ]
    assert sorted(tag.name for tag in fresh(english).expertise_tag_list()) == ["Data visualisation", "Python"]

    english.competence_areas = terms(vocabularies, "programming-web", "safety")
    english.employer, english.region = other_employer, vocabularies["wallonia"]["en"]
    english.job_title = "Senior data analyst"
    english.expertise_tags.set(["Data visualisation", "Machine learning"])
    english.career_steps = [
        *english.career_steps.all(),
        TestimonialPageCareerStep(year=2020, role="Data analyst", organisation="Agoria"),
    ]
    english = publish(english)
    french = update_translation(english, "fr", texts)
    assert_follows(fresh(english), french, {"Data visualisation": "Visualisation de données"})
    assert french_terms(french, "competence_areas") == [("programming-web", "fr"), ("safety", "fr")]
    assert french.employer.name == "Interface3 FR"
    assert french.job_title == "Senior data analyst (fr)"
    assert sorted(tag.name for tag in french.expertise_tag_list()) == [
        "Machine learning (fr)",
        "Visualisation de données",
    ]


# -- standard pages -----------------------------------------------------------------------------------------
def test_a_standard_page_translates_and_syncs_every_field():
    page = StandardPageFactory(
        parent=index_of(HomePage),
        title="About us",
        slug="about-us",
        seo_title="About Be Digital Together",
        search_description="Who we are and what we do.",
        introduction="Who we are.",
        body=[
            ("heading", {"text": "Our mission", "level": "h2"}),
            ("paragraph", "<p>More women in digital careers.</p>"),
        ],
    )
    english = publish(page)
    french = french_of(english)

    english.introduction = "Who we are and why."
    english.body = [("paragraph", "<p>More women and girls in digital careers.</p>")]
    english = publish(english)
    french = sync(english, french)
    assert french.introduction == "Who we are and why. (fr)"
    assert "More women and girls in digital careers. (fr)" in str(french.body)


# -- declarations -------------------------------------------------------------------------------------------
def translatable_models():
    from django.apps import apps

    return [
        model
        for app in ("home", "trainings", "events", "testimonials")
        for model in apps.get_app_config(app).get_models()
        if issubclass(model, TranslatableMixin)
    ]


def own_fields(model):
    """The fields and inline children a page type or snippet adds to what Wagtail gives every page (or
    translatable object)."""
    inherited = {field.name for field in Page._meta.get_fields()} if issubclass(model, Page) else {"id"}
    inherited |= {"locale", "translation_key", "sort_order"}
    names = {
        field.name
        for field in model._meta.get_fields()
        if (field.concrete or field.many_to_many)
        and not field.auto_created
        and field.editable
        and not isinstance(field, ParentalKey)
    }
    names |= {
        relation.get_accessor_name()
        for relation in get_all_child_relations(model)
        if relation.get_accessor_name() != COMMENTS_RELATION_NAME
    }
    return names - inherited


@pytest.mark.parametrize("model", translatable_models(), ids=lambda model: model._meta.label)
def test_each_translatable_model_declares_each_of_its_fields(model):
    """Every field a translatable page type or snippet adds is declared translatable or synchronised on
    purpose, many-to-many links and inline children included (wagtail-localize skips undeclared
    many-to-many fields)."""
    declared = {field.field_name for field in getattr(model, "override_translatable_fields", [])}
    assert sorted(own_fields(model) - declared) == []


@pytest.mark.parametrize("model", translatable_models(), ids=lambda model: model._meta.label)
def test_no_stored_codes_are_offered_for_translation(model):
    """Languages and facilities are stored as codes ("enfr", "wheelchairchildcare"): synchronised, and neither
    a text to translate nor a value to override in the translation editor."""
    for field in get_translatable_fields(model):
        if isinstance(field.get_field(model), ChoiceListField):
            assert field.is_synchronized(model()), field.field_name
            assert not field.is_translated(model()), field.field_name
            assert not field.is_overridable(model()), field.field_name


def test_removing_every_competence_area_of_a_source_removes_them_from_its_translation(vocabularies):
    """wagtail-localize alone keeps a translation's terms once the source has none left (home.translation_sync
    empties them)."""
    from trainings.factories import TrainingPageFactory
    from trainings.models import TrainingCatalogPage

    page = TrainingPageFactory(parent=index_of(TrainingCatalogPage), title="Data basics", slug="data-basics")
    page.competence_areas = terms(vocabularies, "programming-web", "cybersecurity")
    page.target_groups = terms(vocabularies, "women-jobseekers")
    english = publish(page)
    french = translate(english, codes=["fr"])["fr"]
    assert french_terms(french, "competence_areas") == [("cybersecurity", "fr"), ("programming-web", "fr")]

    english.competence_areas = []
    english = publish(english)
    french = update_translation(english, "fr")
    assert french_terms(fresh(french), "competence_areas") == []
    assert french_terms(fresh(french), "target_groups") == [("women-jobseekers", "fr")]
