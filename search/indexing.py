"""Index or de-index objects through Celery after the transaction commits.

`object_changed(obj)` recomputes the documents of `obj` and of what its source says is
affected (a moved page's descendants, the pages under a changed privacy rule);
`object_deleted(obj)` removes its document. Both are no-ops when `SEARCH_AUTO_INDEX` is
False (bulk imports, the benchmark), where `manage.py reindex` rebuilds afterwards.
"""

from typing import Any

from django.conf import settings
from django.db import transaction

from . import registry


def _enabled() -> bool:
    return getattr(settings, "SEARCH_AUTO_INDEX", True)


def _reference(obj: Any) -> tuple[str, Any]:
    return obj._meta.label, obj.pk


def object_changed(obj: Any) -> None:
    if not _enabled():
        return
    source = registry.source_for_model(type(obj))
    if source is None:
        return
    references = [_reference(target) for target in source.affected(obj)]
    if references:
        transaction.on_commit(lambda: _send_update(references))


def tree_changed(page: Any) -> None:
    """A page tree moved or renamed: every indexed page in it gets its new URL."""
    if not _enabled():
        return
    targets = [page.specific, *page.get_descendants().specific()]
    references = [
        _reference(target) for target in targets if registry.source_for_model(type(target))
    ]
    if references:
        transaction.on_commit(lambda: _send_update(references))


def object_deleted(obj: Any) -> None:
    if not _enabled():
        return
    source = registry.source_for_model(type(obj))
    if source is None:
        return
    key = source.key_for(obj)
    others = [_reference(target) for target in source.affected(obj) if target is not obj]
    if key:
        transaction.on_commit(lambda: _send_removal([key]))
    if others:
        transaction.on_commit(lambda: _send_update(others))


def _send_update(references: list[tuple[str, Any]]) -> None:
    from .tasks import update_documents

    update_documents.delay([[label, pk] for label, pk in references])


def _send_removal(keys: list[str]) -> None:
    from .tasks import remove_documents

    remove_documents.delay(keys)


def update_now(references: list[tuple[str, Any]]) -> None:
    """Recompute the documents of these objects (what the Celery task runs)."""
    from django.apps import apps

    from .backends import get_backend

    documents, removals = [], []
    for label, pk in references:
        model = apps.get_model(label)
        source = registry.source_for_model(model)
        if source is None:
            continue
        obj = model._default_manager.filter(pk=pk).first()
        if obj is None:
            continue
        document = source.document_for(obj)
        if document is None:
            removals.append(source.key_for(obj))
        else:
            documents.append(document)
    backend = get_backend()
    if removals:
        backend.remove(removals)
    if documents:
        backend.index(documents)


def rebuild(progress: Any = None) -> int:
    """Replace the whole index by every source's documents."""
    from .backends import get_backend

    def all_documents():
        for source in registry.sources():
            yield from source.documents()

    return get_backend().rebuild(all_documents(), progress)
