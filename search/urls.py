from django.urls import path

from .views import count_edge_search, urlpatterns

# Outside the language prefix: where nginx counts every search (deploy/nginx.conf, `internal` there).
edge_urlpatterns = [path("_edge/search-hit", count_edge_search, name="search_edge_hit")]

__all__ = ["edge_urlpatterns", "urlpatterns"]
