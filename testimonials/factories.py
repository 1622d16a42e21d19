"""Factories for tests: role models created quickly under an existing index page."""

import datetime

import factory
import wagtail_factories

from .models import Sector, TestimonialPage


class TestimonialPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Role model {n:04d}")
    slug = factory.Sequence(lambda n: f"role-model-{n:04d}")
    job_title = "Software developer"
    sector = Sector.SOFTWARE
    pull_quote = "A made-up quote."
    consent_date = datetime.date(2024, 1, 1)
    open_to_speaking = True
    languages = factory.LazyFunction(lambda: ["en"])
    live = True

    class Meta:
        model = TestimonialPage
