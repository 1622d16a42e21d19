"""The routes of the role-model index for women experts who join the directory themselves: the sign-up form,
the confirmation link, the request for a fresh self-service link, and her self-service page with its data
download. Each delegates to testimonials.views by dotted path (models never import views)."""

from django.utils.module_loading import import_string
from wagtail.contrib.routable_page.models import path


def _view(name):
    return import_string(f"testimonials.views.{name}")


class ExpertSignupRoutes:
    """Mixed into TestimonialIndexPage."""

    @path("experts/join/", name="expert_join")
    def expert_join(self, request):
        return _view("expert_join")(request, self)

    @path("experts/join/confirm/<str:token>/", name="expert_confirm")
    def expert_confirm(self, request, token):
        return _view("expert_confirm")(request, self, token)

    @path("experts/profile/", name="expert_link")
    def expert_link(self, request):
        return _view("expert_link")(request, self)

    @path("experts/profile/<str:token>/", name="expert_profile")
    def expert_profile(self, request, token):
        return _view("expert_profile")(request, self, token)

    @path("experts/profile/<str:token>/data/", name="expert_data")
    def expert_data(self, request, token):
        return _view("expert_data")(request, self, token)
