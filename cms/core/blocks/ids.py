"""Fresh DOM ids for blocks whose DSFR markup ties a button to a panel (`aria-controls`).

A block can appear several times on one page, and its value carries no identifier of its
own when rendered outside a stream loop, so each rendering gets a new random suffix.
"""

import uuid
from typing import Any


class UniqueIdMixin:
    """Adds `uid` to the block's template context, unique for every rendering."""

    id_prefix = "bloc"

    def get_context(self, value: Any, parent_context: dict | None = None) -> dict[str, Any]:
        context = super().get_context(value, parent_context=parent_context)
        context["uid"] = f"{self.id_prefix}-{uuid.uuid4().hex[:10]}"
        return context
