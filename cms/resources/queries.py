"""What other parts of the portal show of the resources; each query is bounded and flat."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cms.programme.models import Topic

    from .models import ResourcePageQuerySet


def resources_for_topic(topic: "Topic", limit: int) -> "ResourcePageQuerySet":
    """The latest guides and resources tagged with an axis or theme, ready for cards."""
    from .models import ResourcePage

    return (
        ResourcePage.objects.live().public().filter(topics=topic).newest_first().for_cards()[:limit]
    )
