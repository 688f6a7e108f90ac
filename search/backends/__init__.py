"""The search backend in use, chosen by the environment: Elasticsearch when
`ELASTICSEARCH_URL` is set, otherwise the database's own full-text search."""

from functools import lru_cache

from django.conf import settings
from django.db import connection

from .base import FacetValue, Hit, SearchBackend, SearchRequest, SearchResults

__all__ = ["FacetValue", "Hit", "SearchBackend", "SearchRequest", "SearchResults", "get_backend"]


@lru_cache(maxsize=1)
def get_backend() -> SearchBackend:
    if getattr(settings, "ELASTICSEARCH_URL", ""):
        from .elasticsearch import ElasticsearchBackend

        return ElasticsearchBackend(settings.ELASTICSEARCH_URL)
    if connection.vendor == "postgresql":
        from .postgres import PostgresBackend

        return PostgresBackend()
    from .sqlite import SQLiteBackend

    return SQLiteBackend()
