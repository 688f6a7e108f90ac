"""The axis-or-theme filter that every listing offers (`?axe=<slug>`)."""

from cms.core.listing_filters import Choices

from .models import Topic


def topic_choices() -> Choices:
    """The axes and the transversal themes, as two groups of options (plain values: every
    listing reads them, and whole topics cost more than the query)."""
    topics = list(Topic.objects.values_list("kind", "slug", "short_title"))
    return [
        ("Axes", [(slug, title) for kind, slug, title in topics if kind == Topic.Kind.AXIS]),
        (
            "Thèmes transversaux",
            [(slug, title) for kind, slug, title in topics if kind == Topic.Kind.THEME],
        ),
    ]
