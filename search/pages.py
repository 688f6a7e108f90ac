"""How Wagtail pages become search documents (see `search.registry`); generic, no content app.

Each content app declares a `PageSource` for its page types in its own `search_source.py`;
this module holds what they share, and the source that reindexes pages whose privacy
changes (a view restriction added or removed).
"""

import json
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

from django.db.models import Model, Q
from django.utils.html import strip_tags
from wagtail.models import Page, PageViewRestriction

from search.documents import SearchDocument

TEXT_SKIPPED_KEYS = frozenset({"type", "id", "url", "link", "page", "image", "document", "icon"})


def stream_text(value: Any) -> str:
    """The readable text of a StreamField (or any JSON-like value), tags stripped."""
    raw = getattr(value, "raw_data", value)
    parts: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, str):
            if node.strip() and not node.startswith(("http://", "https://", "/")):
                parts.append(strip_tags(node))
        elif isinstance(node, dict):
            for key, child in node.items():
                if key not in TEXT_SKIPPED_KEYS or key == "value":
                    walk(child)
        elif isinstance(node, list | tuple):
            for child in node:
                walk(child)
        elif hasattr(node, "get_prep_value"):
            walk(node.get_prep_value())

    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            return strip_tags(raw)
    walk(list(raw) if raw is not None else [])
    return " ".join(" ".join(parts).split())


def topic_labels(topics: Iterable[Any]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(axes, themes) labels of the programme topics of a piece of content."""
    axes, themes = [], []
    for topic in topics:
        (axes if topic.kind == "axe" else themes).append(topic.short_title)
    return tuple(axes), tuple(themes)


def town_fields(town: Any) -> dict[str, str]:
    if town is None:
        return {}
    department = town.department
    return {
        "town": town.insee_code,
        "town_name": town.name,
        "department": f"{department.name} ({department.code})",
        "region": department.region.name,
    }


def _aliases_below(paths: Iterable[str]) -> list[Page]:
    """The aliases of the pages at or below `paths` (each alias shows its source page)."""
    below = Q()
    for path in paths:
        below |= Q(alias_of__path__startswith=path)
    return list(Page.objects.filter(below).only("path")) if below else []


def private_paths() -> list[str]:
    """The paths below which no page is public: the restricted pages, and the aliases of a
    page at or below one (the pages the portal serves as private,
    `cms.core.restrictions`), also the aliases found in turn below such an alias."""
    paths = set(PageViewRestriction.objects.values_list("page__path", flat=True))
    sources = sorted(paths)
    while sources:
        aliases = {alias.path for alias in _aliases_below(sources)}
        sources = sorted(path for path in aliases if not path.startswith(tuple(paths)))
        paths.update(sources)
    return sorted(paths)


class PageSource:
    """Documents for one page model. Subclasses set `model`, `types` and may refine
    `document_type`, `extra_fields` and `queryset`."""

    model: ClassVar[type[Page]]
    types: ClassVar[dict[str, str]]
    text_fields: ClassVar[tuple[str, ...]] = ("body",)

    @property
    def name(self) -> str:
        return f"cms.{self.model._meta.label_lower}"

    @property
    def models(self) -> tuple[type[Model], ...]:
        return (self.model,)

    def queryset(self) -> Any:
        hidden = Q()
        for path in private_paths():
            hidden |= Q(path__startswith=path)
        public = self.model.objects.live()
        return (public.exclude(hidden) if hidden else public).specific()

    def documents(self) -> Iterator[SearchDocument]:
        for page in self.queryset().iterator(chunk_size=200):
            document = self.build(page)
            if document is not None:
                yield document

    def document_for(self, obj: Any) -> SearchDocument | None:
        page = obj.specific if type(obj) is Page else obj
        if not page.live or page.get_view_restrictions().exists():
            return None
        return self.build(page)

    def key_for(self, obj: Any) -> str:
        return f"page:{obj.pk}"

    def affected(self, obj: Any) -> Iterable[Any]:
        # Moves and slug changes reach the descendants through `search.indexing.tree_changed`.
        yield obj

    def document_type(self, page: Any) -> str:
        return next(iter(self.types))

    def extra_fields(self, page: Any) -> dict[str, Any]:
        return {}

    def build(self, page: Any) -> SearchDocument | None:
        url = page.get_url()
        if not url:
            return None
        text = " ".join(stream_text(getattr(page, name, "")) for name in self.text_fields)
        fields: dict[str, Any] = {
            "date": getattr(page, "published_on", None)
            or (page.first_published_at.date() if page.first_published_at else None),
        }
        if hasattr(page, "topics"):
            fields["axes"], fields["themes"] = topic_labels(page.topics.all())
        if hasattr(page, "tags"):
            fields["tags"] = tuple(sorted(page.tags.names()))
        fields.update(self.extra_fields(page))
        return SearchDocument(
            key=self.key_for(page),
            type=self.document_type(page),
            title=page.title,
            url=url,
            summary=getattr(page, "summary", "") or page.search_description or "",
            text=text,
            **fields,
        )


class PagePrivacySource:
    """A view restriction added, changed or removed reindexes the pages under it."""

    name = "cms.page-privacy"
    types: ClassVar[dict[str, str]] = {}
    models = (PageViewRestriction,)

    def documents(self) -> Iterator[SearchDocument]:
        return iter(())

    def document_for(self, obj: Any) -> SearchDocument | None:
        return None

    def key_for(self, obj: Any) -> str:
        return ""

    def affected(self, obj: Any) -> Iterable[Any]:
        page = Page.objects.filter(pk=obj.page_id).first()
        if page is not None:
            yield page.specific
            yield from page.get_descendants().specific()
            # Its aliases and theirs show the same pages (`private_paths`).
            for alias in _aliases_below([page.path]):
                yield alias.specific
                yield from alias.get_descendants().specific()
