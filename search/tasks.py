"""Celery tasks: indexing runs in the worker (eagerly without a broker)."""

from typing import Any

from celery import shared_task

from . import indexing
from .backends import get_backend


@shared_task(autoretry_for=(ConnectionError,), retry_backoff=True, max_retries=5)
def update_documents(references: list[list[Any]]) -> None:
    indexing.update_now([(label, pk) for label, pk in references])


@shared_task(autoretry_for=(ConnectionError,), retry_backoff=True, max_retries=5)
def remove_documents(keys: list[str]) -> None:
    get_backend().remove(keys)
