"""Sources of search documents. Each content app registers its own; `search` knows none.

A source says which models it indexes and turns one object into a document (or None when
the object must not be found, e.g. unpublished). Registering a source connects its models'
signals, so saving, publishing, unpublishing, moving or deleting an object reindexes it
through Celery once the transaction commits (see `search.indexing`).
"""

from collections.abc import Iterable
from typing import Any, Protocol, runtime_checkable

from django.db.models import Model

from .documents import SearchDocument


@runtime_checkable
class Source(Protocol):
    #: A unique name (« cms.pages », « community.forum »).
    name: str
    #: Document types it yields: slug → French label (« guide » → « Guide »).
    types: dict[str, str]
    #: Models whose changes reindex an object (their signals are connected).
    models: tuple[type[Model], ...]

    def documents(self) -> Iterable[SearchDocument]:
        """Every findable document, for a full reindex."""

    def document_for(self, obj: Any) -> SearchDocument | None:
        """The document of one object, or None if nobody may find it now."""

    def key_for(self, obj: Any) -> str:
        """The document key of an object (also used to remove it once deleted)."""

    def affected(self, obj: Any) -> Iterable[Any]:
        """Other objects whose document changes with `obj` (a moved page's children)."""


_sources: dict[str, Source] = {}


def register(source: Source) -> Source:
    """Register a source (idempotent by name) and connect its models' signals."""
    from .signals import connect_source

    _sources[source.name] = source
    connect_source(source)
    return source


def sources() -> list[Source]:
    return list(_sources.values())


def source_for_model(model: type[Model]) -> Source | None:
    for source in _sources.values():
        if any(issubclass(model, candidate) for candidate in source.models):
            return source
    return None


def type_labels() -> dict[str, str]:
    labels: dict[str, str] = {}
    for source in _sources.values():
        labels.update(source.types)
    return labels


def unregister(name: str) -> None:
    """Remove a source (tests register fake ones)."""
    from .signals import disconnect_source

    source = _sources.pop(name, None)
    if source is not None:
        disconnect_source(source)
