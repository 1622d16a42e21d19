"""opensearch-py imports the PyPI package `events` (`from events import Events`), which this project's
`events` Django app shadows. Import opensearch-py once with the PyPI package temporarily in its place."""

import importlib.machinery
import importlib.util
import sys


def import_opensearchpy():
    if "opensearchpy.metrics.metrics_events" in sys.modules:
        return
    site_paths = [p for p in sys.path if p.endswith(("site-packages", "dist-packages"))]
    spec = importlib.machinery.PathFinder.find_spec("events", site_paths)
    if spec is None:
        import opensearchpy  # noqa: F401 - nothing to work around

        return
    missing = object()
    saved = {name: sys.modules.get(name, missing) for name in ("events", "events.events")}
    pypi_events = importlib.util.module_from_spec(spec)
    sys.modules["events"] = pypi_events
    sys.modules.pop("events.events", None)
    try:
        spec.loader.exec_module(pypi_events)
        import opensearchpy  # noqa: F401
        import opensearchpy.metrics.metrics_events  # noqa: F401
    finally:
        for name, module in saved.items():
            if module is missing:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module


import_opensearchpy()
