"""The axis-or-theme filter that every listing offers (`?axe=<slug>`)."""

from cms.core.listing_filters import Choices

from .models import Topic


def topic_choices() -> Choices:
    """The axes and the transversal themes, as two groups of options."""
    topics = list(Topic.objects.all())
    return [
        ("Axes", [(t.slug, t.short_title) for t in topics if t.kind == Topic.Kind.AXIS]),
        (
            "Thèmes transversaux",
            [(t.slug, t.short_title) for t in topics if t.kind == Topic.Kind.THEME],
        ),
    ]
