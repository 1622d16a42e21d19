"""The read API for partners, /api/v2/ (home/api.py describes it): public pages (filter by ?type= and
?locale=, and for trainings, initiatives, events and role models by their facets and dates), the experts'
directory, the charter's signatories, and the images public pages show."""

from wagtail.api.v2.router import WagtailAPIRouter

from events.api import EventAPI
from home.api import PublicImagesAPIViewSet, PublicPagesAPIViewSet, SignatoriesAPIViewSet
from testimonials.api import ExpertsAPIViewSet, RoleModelAPI
from trainings.api import InitiativeAPI, TrainingAPI


class PagesAPIViewSet(PublicPagesAPIViewSet):
    apis = (TrainingAPI, InitiativeAPI, EventAPI, RoleModelAPI)


api_router = WagtailAPIRouter("wagtailapi")
# "pages" first: the router links every page (detail_url) to the first endpoint of its model
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("experts", ExpertsAPIViewSet)
api_router.register_endpoint("signatories", SignatoriesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
