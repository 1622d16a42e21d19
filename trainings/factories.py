"""Factories for tests and the benchmark seeder: the training catalogue and trainings, the initiatives index
and initiatives. Pages take the locale of their `parent`:
`TrainingPageFactory(parent=catalogue, title="Python for beginners")`."""

import datetime

import factory
from factory.django import DjangoModelFactory

from home.factories import (
    FormatFactory,
    IndexPageFactory,
    LevelFactory,
    LivePageFactory,
    RegionFactory,
    numbered,
)

from .models import (
    FundingType,
    InitiativeIndexPage,
    InitiativeKind,
    InitiativePage,
    TrainingCatalogPage,
    TrainingPage,
    TrainingPageSession,
)


class TrainingCatalogPageFactory(IndexPageFactory):
    title = "Training catalogue"
    slug = "trainings"
    introduction = "Find a digital training in your language and region, at your level."

    class Meta:
        model = TrainingCatalogPage


class TrainingPageFactory(LivePageFactory):
    title, slug = numbered("Training")
    introduction = "A practical course for women who want to work in digital."
    description = "<p>Hands-on training with coaches from the sector.</p>"
    format = factory.SubFactory(FormatFactory, slug="classroom", name="Classroom")
    level = factory.SubFactory(LevelFactory, slug="beginner", name="Beginner")
    region = factory.SubFactory(RegionFactory, slug="brussels", name="Brussels")
    languages = factory.LazyFunction(lambda: ["en"])
    is_free = True
    venue = "Brussels, Belgium"

    class Meta:
        model = TrainingPage


class TrainingPageSessionFactory(DjangoModelFactory):
    """A session of `page`, starting in a month unless given `start_date`."""

    start_date = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=30))
    end_date = factory.LazyAttribute(lambda session: session.start_date + datetime.timedelta(days=30))
    location = "Brussels"

    class Meta:
        model = TrainingPageSession


class InitiativeIndexPageFactory(IndexPageFactory):
    title = "Initiatives"
    slug = "initiatives"
    introduction = "Programmes, campaigns, networks and good practices."

    class Meta:
        model = InitiativeIndexPage


class InitiativePageFactory(LivePageFactory):
    title, slug = numbered("Initiative")
    introduction = "A programme that brings more women into digital careers."
    kind = InitiativeKind.PROGRAMME
    funding_type = FundingType.PUBLIC

    class Meta:
        model = InitiativePage
