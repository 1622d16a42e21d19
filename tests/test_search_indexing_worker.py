"""The search engine's indexes are updated by the task worker, not by the request that saves (search/tasks.py):
a publish stores the update as a task; the worker applies it; an engine that is down is tried again later,
and the database index (the fallback) is current at once."""

import pytest
from django_tasks_db.models import DBTaskResult

from home.factories import StandardPageFactory, publish
from search.backend_settings import build_search_backends, engine_alias
from search.tasks import update_engines
from tests.engines import ENGINES
from tests.test_search import Backend, opensearch_config  # noqa: F401

# Under pytest-xdist (`--dist loadgroup`, scripts/test.sh) with the other tests of the search engines, on one
# worker (they share the engines' test indexes).
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("engines")]

DATABASE_TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}


def engine_titles(query, language="fr"):
    from modelsearch.backends import get_search_backend
    from wagtail.models import Page

    backend = get_search_backend(engine_alias(language))
    backend.refresh_indexes()
    return [page.title for page in backend.search(query, Page)]


def run_worker():
    """What the worker does with the waiting engine updates, in this test's transaction (the worker itself runs
    in a process of its own: tests/test_tasks.py): each update due now is claimed, run and marked done, until
    none is left (a failed try enqueues the next)."""
    while (result := pending().ready().order_by("enqueued_at").first()) is not None:
        result.claim("test")
        args = result.args_kwargs
        result.set_successful(update_engines.call(*args["args"], **args["kwargs"]))


def pending():
    return DBTaskResult.objects.filter(task_path=update_engines.module_path, status="READY")


@pytest.mark.opensearch
def test_a_publish_leaves_the_engine_to_the_worker(client, home_pages, settings, opensearch_config):  # noqa: F811
    settings.WAGTAILSEARCH_BACKENDS = opensearch_config
    settings.TASKS = DATABASE_TASKS
    backend = Backend("opensearch", opensearch_config)
    backend.start()
    try:
        page = publish(StandardPageFactory(parent=home_pages["fr"], title="Atelier Zorglub"))

        assert pending().exists()  # stored as a task, in the publish's transaction
        assert engine_titles("zorglub") == []  # the engine has not been asked yet
        run_worker()
        assert engine_titles("zorglub") == ["Atelier Zorglub"]
        assert not pending().exists()

        page.delete()
        run_worker()
        assert engine_titles("zorglub") == []
    finally:
        backend.cleanup()


def test_an_engine_that_is_down_is_tried_again_later_and_the_database_index_is_current(
    client, home_pages, settings
):
    settings.WAGTAILSEARCH_BACKENDS = build_search_backends(
        ENGINES["opensearch"].kind,
        url="http://127.0.0.1:9",
        index_prefix="closed",
        timeout=0.5,
        connect_timeout=0.5,
    )
    settings.TASKS = DATABASE_TASKS
    settings.SEARCH_RETRY_SECONDS = 0  # every try due at once, so one batch of the worker runs them all
    settings.SEARCH_INDEXING_ATTEMPTS = 3

    publish(StandardPageFactory(parent=home_pages["fr"], title="Atelier Pluvrak"))
    body = client.get("/fr/search/", {"q": "pluvrak"}).content.decode()
    assert (
        "Atelier <mark>Pluvrak</mark>" in body
    )  # the database index is current at once: the fallback finds it
    run_worker()

    tries = DBTaskResult.objects.filter(task_path=update_engines.module_path).order_by("enqueued_at")
    assert [(result.args_kwargs["args"] + [1])[3] for result in tries] == [1, 2, 3]
    assert tries.last().return_value == "failed: engine_fr"
