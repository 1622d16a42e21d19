"""Search-engine index updates through the task worker (home/tasks.py: the "background" task backend).

When an engine is configured (OpenSearch or Elasticsearch, SEARCH_BACKEND), Wagtail's database backend is
still updated inside the saving request, as part of its transaction: it is the admin's search and the public
fallback, so it is always current. The engine aliases are declared AUTO_UPDATE False
(search/backend_settings.py) and brought up to date here instead: saving or deleting an indexed object
enqueues `update_engines`, which the worker runs — so a slow or hanging engine never holds up an editor's
publish. A try that fails (the engine down, its breaker open) is tried again later, the wait doubling from
SEARCH_RETRY_SECONDS, up to SEARCH_INDEXING_ATTEMPTS tries; `manage.py update_index` rebuilds everything after
a long outage."""

import logging
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django_tasks import task
from modelsearch import index
from modelsearch.backends import get_search_backend

BACKEND = "background"
ENGINE_PREFIX = "engine_"

logger = logging.getLogger(__name__)


def engine_aliases():
    return [alias for alias in settings.WAGTAILSEARCH_BACKENDS if alias.startswith(ENGINE_PREFIX)]


@task(backend=BACKEND)
def update_engines(app_label, model_name, pk, attempt=1):
    """Index the object (app_label.model_name, pk) in every engine alias as it is now, or remove it from them
    when it no longer exists; on failure, enqueue the next try after its wait."""
    model = apps.get_model(app_label, model_name)
    instance = model._default_manager.filter(pk=pk).first()
    indexed = index.get_indexed_instance(instance) if instance is not None else None
    failed = []
    for alias in engine_aliases():
        backend = get_search_backend(alias)
        try:
            if indexed is not None:
                backend.add(indexed)
            else:
                backend.delete(model(pk=pk))
        except Exception as error:  # noqa: BLE001 - any engine error: tried again later, never lost
            failed.append(alias)
            logger.warning(
                "Indexing %s.%s %s in %s failed (try %s): %s",
                app_label,
                model_name,
                pk,
                alias,
                attempt,
                error,
            )
    if not failed:
        return "indexed" if indexed is not None else "removed"
    if attempt < settings.SEARCH_INDEXING_ATTEMPTS and update_engines.get_backend().supports_defer:
        wait = timedelta(seconds=settings.SEARCH_RETRY_SECONDS * 2 ** (attempt - 1))
        update_engines.using(run_after=timezone.now() + wait).enqueue(app_label, model_name, pk, attempt + 1)
        return f"retrying: {', '.join(failed)}"
    logger.error(
        "Indexing %s.%s %s failed after %s tries; run update_index", app_label, model_name, pk, attempt
    )
    return f"failed: {', '.join(failed)}"


def _already_waiting(args):
    """Whether an update of the same object already waits in the database queue (a publish saves a page
    several times: one update is enough, it reads the object as it is when it runs)."""
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        task_path=update_engines.module_path, status=TaskResultStatus.READY, args_kwargs__args=args
    ).exists()


def _enqueue(instance, **kwargs):
    if kwargs.get("raw") or not engine_aliases():
        return
    args = [instance._meta.app_label, instance._meta.model_name, str(instance.pk)]
    if update_engines.get_backend().supports_defer and _already_waiting(args):
        return
    update_engines.enqueue(*args)


def connect_signal_handlers():
    """Beside modelsearch's own handlers (which now update the database backend only): enqueue the engines'
    update of every indexed model that updates its index automatically."""
    for model in index.get_indexed_models():
        if getattr(model, "search_auto_update", True):
            post_save.connect(_enqueue, sender=model, dispatch_uid=f"search-engines-save-{model._meta.label}")
            post_delete.connect(
                _enqueue, sender=model, dispatch_uid=f"search-engines-delete-{model._meta.label}"
            )
