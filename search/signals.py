"""Keep the index in step with the content: each registered source's models are watched;
changes are sent to Celery once the transaction commits (`search.indexing`)."""

from typing import TYPE_CHECKING, Any

from django.db.models.signals import post_delete, post_save

from . import indexing

if TYPE_CHECKING:
    from .registry import Source


def _saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        indexing.object_changed(instance)


def _deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    indexing.object_deleted(instance)


def _page_tree_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    indexing.tree_changed(instance)


def connect_source(source: "Source") -> None:
    for model in source.models:
        uid = f"search:{source.name}:{model._meta.label}"
        post_save.connect(_saved, sender=model, dispatch_uid=uid)
        post_delete.connect(_deleted, sender=model, dispatch_uid=uid)
    _connect_page_signals()


def disconnect_source(source: "Source") -> None:
    for model in source.models:
        uid = f"search:{source.name}:{model._meta.label}"
        post_save.disconnect(sender=model, dispatch_uid=uid)
        post_delete.disconnect(sender=model, dispatch_uid=uid)


def _connect_page_signals() -> None:
    # A move or a new slug changes the URL of every page below, whether or not the page
    # itself is indexed. Publishing and unpublishing save the page (post_save).
    from wagtail.signals import page_slug_changed, post_page_move

    post_page_move.connect(_page_tree_changed, dispatch_uid="search:page-moved")
    page_slug_changed.connect(_page_tree_changed, dispatch_uid="search:page-slug")
