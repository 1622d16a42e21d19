"""The real search engine nodes the tests run against (scripts/test.sh starts them and exports their URLs):
tests marked `opensearch` or `elasticsearch` fail, never skip, when their node's URL is not set or the node
does not answer."""

import dataclasses
import importlib
import os
import urllib.request

import pytest

from search.backend_settings import build_search_backends


@dataclasses.dataclass
class Engine:
    """A real search engine node the tests run against: its name (and marker), SEARCH_BACKEND, the variable
    holding its URL, the script that starts it, and its client (module, class)."""

    name: str
    kind: str
    url_variable: str
    script: str
    client: tuple

    @property
    def mark(self):
        return getattr(pytest.mark, self.name)

    def url(self):
        """The node's URL; the test fails (never skips) when it is not set or the node does not answer."""
        url = os.environ.get(self.url_variable, "").rstrip("/")
        if not url:
            pytest.fail(
                f"{self.url_variable} is not set: the {self.name} tests need the node of `bash {self.script} start` "
                f"(scripts/test.sh starts it and exports {self.url_variable}).",
                pytrace=False,
            )
        try:
            urllib.request.urlopen(f"{url}/_cluster/health", timeout=10).read()  # noqa: S310 - local test node
        except OSError as error:
            pytest.fail(f"{self.name} at {self.url_variable}={url} is unreachable: {error}", pytrace=False)
        return url

    def admin_client(self, url):
        """A patient client for set-up and clean-up (a loaded CI machine can make the node slow to answer)."""
        # the project's backend module first: it imports opensearch-py despite the `events` app shadowing
        # opensearch-py's `events` dependency
        importlib.import_module(build_search_backends(self.kind, languages=["en"])["engine_en"]["BACKEND"])
        module, name = self.client
        return getattr(importlib.import_module(module), name)(
            hosts=[url], timeout=120, max_retries=3, retry_on_timeout=True
        )


ENGINES = {
    "opensearch": Engine(
        "opensearch", "opensearch2", "OPENSEARCH_URL", "scripts/opensearch.sh", ("opensearchpy", "OpenSearch")
    ),
    "elasticsearch": Engine(
        "elasticsearch",
        "elasticsearch7",
        "ELASTICSEARCH_URL",
        "scripts/elasticsearch.sh",
        ("elasticsearch", "Elasticsearch"),
    ),
}


def engine_params():
    """pytest.param of each engine, with its marker."""
    return [pytest.param(name, marks=engine.mark) for name, engine in ENGINES.items()]
