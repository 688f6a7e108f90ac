"""What a page shows of its many-to-many links (its axes and themes, tags, partners), read
in a query compiled once per process (`compiled`).

`page.topics.all()` reads the same rows, but Django builds the SQL of that join anew on
every page served. A preview shows the links being edited, which only the page's own
managers know (modelcluster keeps them in memory): it reads them there.
"""

from typing import Any

from django.db.models import Model, QuerySet
from django.http import HttpRequest

from .compiled import CompiledShape


def _links(
    page_id: int, *, through: type[Model], page_field: str, target_field: str, order: tuple
) -> QuerySet:
    return (
        through._default_manager.filter(**{f"{page_field}_id": page_id})
        .select_related(target_field)
        .order_by(*order)
    )


_LINKS = CompiledShape(_links)


def _prefixed(ordering: str, relation: str) -> str:
    descending = ordering.startswith("-")
    return f"{'-' if descending else ''}{relation}__{ordering.lstrip('-')}"


def linked(page: Model, name: str, request: HttpRequest | None = None) -> list[Any]:
    """The objects `page.<name>.all()` gives, in its order: the link table's rows for a tag
    manager (taggit keeps the order tags were added), the target's `Meta.ordering` for a
    many-to-many field."""
    if page.pk is None or getattr(request, "is_preview", False):
        return list(getattr(page, name).all())
    field = type(page)._meta.get_field(name)
    through = field.remote_field.through
    if hasattr(field, "m2m_field_name"):
        page_field, target_field = field.m2m_field_name(), field.m2m_reverse_field_name()
        target = field.remote_field.model
        order = tuple(_prefixed(ordering, target_field) for ordering in target._meta.ordering)
    else:  # a tag manager (taggit's `TaggableManager`)
        page_field, target_field, order = "content_object", "tag", ("pk",)
    rows = _LINKS.rows(
        page.pk, through=through, page_field=page_field, target_field=target_field, order=order
    )
    return [getattr(row, target_field) for row in rows]
