"""/<lang>/search/ (under the language prefix, bdt_site/urls.py)."""

from django.urls import path

from .views import autocomplete, search

urlpatterns = [
    path("", search, name="search"),
    path("autocomplete/", autocomplete, name="search_autocomplete"),
]
