"""Factories for tests and the benchmark seeder: the role-model index, role models and contact requests.
Pages take the locale of their `parent`: `TestimonialPageFactory(parent=index, title="Amina")`."""

import datetime

import factory
from factory.django import DjangoModelFactory

from home.factories import IndexPageFactory, LivePageFactory, numbered

from .models import ContactPurpose, ContactRequest, Sector, TestimonialIndexPage, TestimonialPage


class TestimonialIndexPageFactory(IndexPageFactory):
    title = "Role models"
    slug = "role-models"
    introduction = "Women in digital jobs tell how they got there."

    class Meta:
        model = TestimonialIndexPage


class TestimonialPageFactory(LivePageFactory):
    title, slug = numbered("Role model")
    job_title = "Software developer"
    sector = Sector.SOFTWARE
    pull_quote = "A made-up quote."
    consent_date = datetime.date(2024, 1, 1)
    open_to_speaking = True
    languages = factory.LazyFunction(lambda: ["en"])

    class Meta:
        model = TestimonialPage


class ContactRequestFactory(DjangoModelFactory):
    """A visitor's request to a role model (`expert`)."""

    expert = None
    expert_name = factory.LazyAttribute(
        lambda request: request.expert.title if request.expert else "An expert"
    )
    name = "Sarah Martin"
    email = "sarah@example.org"
    purpose = ContactPurpose.SPEAKING
    message = "Would you speak at our school's careers day?"
    language = "en"

    class Meta:
        model = ContactRequest
