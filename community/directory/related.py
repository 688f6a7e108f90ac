"""A town's referents on its page (`/villes/<slug>/`), through cms.core.related."""

from cms.core.related import RelatedSection, register
from cms.territories.models import Town

from .models import DirectoryEntry

MAX_ON_TOWN_PAGE = 6


@register("town")
def town_referents(town: Town) -> RelatedSection | None:
    # Referents of the town itself, then those covering its department or region.
    entries = list(
        DirectoryEntry.objects.current()
        .filter(towns=town)
        .select_related("photo")
        .order_by("role", "last_name")[:MAX_ON_TOWN_PAGE]
    )
    if not entries:
        return None
    return RelatedSection(
        title="Les référents de la ville",
        items=entries,
        more_url=f"/annuaire/?ville={town.slug}",
        more_label="Tous les référents de la ville dans l’annuaire",
        item_template="directory/includes/entry_card.html",
        order=5,
    )
