"""Start-up check: with Elasticsearch configured, the client's major version must be the
server's (`manage.py check`, `migrate` and `runserver` run it; so does `reindex`)."""

from typing import Any

from django.conf import settings
from django.core import checks


@checks.register("search")
def elasticsearch_version(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    if not getattr(settings, "ELASTICSEARCH_URL", ""):
        return []
    from .backends.elasticsearch import ElasticsearchBackend

    problems = ElasticsearchBackend(settings.ELASTICSEARCH_URL).check()
    return [checks.Error(problem, id="search.E001") for problem in problems]
