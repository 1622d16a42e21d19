"""What the read API (home/api.py) offers for role models, and its endpoint of the experts' directory
(/api/v2/experts/): the public role models the directory lists (IN_DIRECTORY; a paused profile is unpublished,
so it is not public), filtered by the directory's facets."""

from django.db.models import Prefetch
from wagtail.images import get_image_model

from home.api import ModelAPI, PublicPagesAPIViewSet

from .listing import ExpertDirectory, RoleModelListing
from .models.pages import CARD_PORTRAIT, IN_DIRECTORY, TestimonialPage


class RoleModelAPI(ModelAPI):
    model = TestimonialPage
    facets = RoleModelListing.facets
    translated = ["employer"]

    @classmethod
    def get_lookups(cls):
        portraits = get_image_model().objects.prefetch_renditions(CARD_PORTRAIT)
        return [
            "employer",
            "competence_areas",
            "target_groups",
            "tagged_items__tag",
            Prefetch("portrait", portraits),
        ]


class ExpertAPI(RoleModelAPI):
    facets = ExpertDirectory.facets


class ExpertsAPIViewSet(PublicPagesAPIViewSet):
    name = "experts"
    model = TestimonialPage
    apis = (ExpertAPI,)
    known_query_parameters = PublicPagesAPIViewSet.known_query_parameters - {"type"}

    def get_base_queryset(self):
        experts = TestimonialPage.objects.filter(IN_DIRECTORY).values("pk")
        return super().get_base_queryset().filter(pk__in=experts)
