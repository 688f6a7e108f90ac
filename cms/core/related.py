"""Related content shown on a town or topic page, contributed by whichever apps have some.

The town and topic pages do not know which apps exist: each app registers a provider for a
subject ("town", "topic") in its `AppConfig.ready()`, and the page renders every section the
providers return. Later apps (forum threads, referents) plug in the same way.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

Subject = Literal["town", "topic", "home"]


@dataclass(frozen=True)
class RelatedSection:
    title: str
    items: Sequence[Any]
    more_url: str | None = None
    more_label: str = "Tout voir"
    # The template that renders one item; it receives `item`.
    item_template: str = "includes/page_card.html"
    order: int = 100


Provider = Callable[[Any], RelatedSection | None]
_providers: dict[str, list[Provider]] = {"town": [], "topic": [], "home": []}


def register(subject: Subject) -> Callable[[Provider], Provider]:
    def decorator(provider: Provider) -> Provider:
        if provider not in _providers[subject]:
            _providers[subject].append(provider)
        return provider

    return decorator


def sections_for(subject: Subject, obj: Any) -> list[RelatedSection]:
    """Non-empty sections for `obj`, in their declared order."""
    sections = [section for provider in _providers[subject] if (section := provider(obj))]
    return sorted((s for s in sections if s.items), key=lambda section: section.order)
