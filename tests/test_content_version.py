"""What Django keeps from content (bdt_site.content_version): one read of the shared cache's version per request,
each worker's own copies of what it has fetched, and never an answer from before a change."""

import pytest
from django.core.cache import cache
from django.test import override_settings

from bdt_site import content_version
from home.factories import publish
from trainings.factories import TrainingPageFactory
from trainings.models import TrainingCatalogPage


@pytest.fixture
def shared_cache_reads(monkeypatch):
    """How many times the shared cache (Redis in production) is asked for something."""
    reads = []
    real_get = cache.get

    def counting_get(key, *args, **kwargs):
        reads.append(key)
        return real_get(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get", counting_get)
    return reads


@pytest.mark.django_db
def test_a_page_whose_data_is_kept_asks_the_shared_cache_only_for_the_version(client, shared_cache_reads):
    assert client.get("/en/").status_code == 200  # builds and keeps the menu, the Site, the vocabularies...
    shared_cache_reads.clear()
    response = client.get("/en/")
    assert response.status_code == 200
    assert shared_cache_reads == [content_version.VERSION_KEY]


@pytest.mark.django_db
@override_settings(RESULTS_CACHE_SECONDS=3600)
def test_a_published_training_is_listed_at_once_although_every_worker_keeps_the_results(client):
    catalogue = "/en/trainings/"
    assert "Pangolin coding club" not in client.get(catalogue).content.decode()
    client.get(catalogue)  # now answered from this worker's own copies
    english_catalogue = TrainingCatalogPage.objects.get(locale__language_code="en")
    publish(TrainingPageFactory(parent=english_catalogue, title="Pangolin coding club"))
    assert "Pangolin coding club" in client.get(catalogue).content.decode()


def test_a_kept_value_is_a_copy_that_callers_cannot_change():
    first = content_version.cached("test:list", lambda: ["fr", "nl"])
    first.append("de")
    assert content_version.cached("test:list", lambda: ["other"]) == ["fr", "nl"]


def test_after_the_shared_cache_is_emptied_no_worker_serves_what_it_kept_before():
    assert content_version.cached("test:menu", lambda: "before") == "before"
    cache.clear()  # as after a Redis restart: the version starts again, elsewhere
    assert content_version.cached("test:menu", lambda: "after") == "after"


@pytest.mark.django_db
def test_a_change_made_during_a_request_is_seen_by_the_rest_of_that_request(rf):
    seen = []

    def view(request):
        seen.append(content_version.cached("test:title", lambda: "old"))
        content_version.bump()
        seen.append(content_version.cached("test:title", lambda: "new"))
        return None

    content_version.ContentVersionMiddleware(view)(rf.get("/"))
    assert seen == ["old", "new"]


@pytest.mark.django_db
@override_settings(RESULTS_CACHE_SECONDS=3600)
def test_the_expert_directory_keeps_its_own_results_apart_from_the_role_models(client, experts):
    """Both list the role models of one index page, with different filters: what one keeps is not the other's."""
    role_models = client.get("/fr/modeles/")
    directory = client.get("/fr/modeles/experts/")
    assert role_models.status_code == 200 and directory.status_code == 200
    assert "Expertise" in directory.content.decode()
    assert client.get("/fr/modeles/experts/?language=nl").status_code == 200


@pytest.mark.django_db
def test_private_records_and_bookkeeping_leave_every_cache_alone(client, django_user_model):
    """A failed login, a queued background task or a visitor's message changes nothing visitors see: no cache
    is emptied for them (before, every task the worker ran and every login attempt emptied them all)."""
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    version = content_version.current()
    django_user_model.objects.create_user("kim", "kim@example.org", "right-password")
    client.post("/admin/login/", {"username": "kim", "password": "wrong-password"})
    DBTaskResult.objects.create(
        task_path="home.tasks.publish_scheduled",
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="background",
        run_after=timezone.now(),
    )
    assert content_version.current() == version
