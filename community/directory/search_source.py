"""Directory entries in the portal's search: who they are and where they work.

A document holds only what everyone may read: name, role, organisation, job title,
presentation and the places and topics covered. Contact details (e-mail, phone, address)
are never indexed, whatever their visibility: the entry's page shows them to whom
`visibility.visible_contact` allows. Entries whose mandate has not begun or has ended are
not findable, as in the directory's listing.
"""

from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models.signals import m2m_changed
from django.utils import timezone

from search import indexing, registry
from search.documents import SearchDocument
from search.pages import topic_labels, town_fields

from .models import DirectoryEntry


def _is_current(entry: DirectoryEntry) -> bool:
    today = timezone.localdate()
    started = entry.mandate_start is None or entry.mandate_start <= today
    return started and not (entry.mandate_end and entry.mandate_end < today)


class DirectoryEntrySource:
    name = "community.directory.entries"
    types = {"referent": "Référent de l’annuaire"}
    models = (DirectoryEntry,)

    def documents(self) -> Iterator[SearchDocument]:
        for entry in DirectoryEntry.objects.current().prefetch_related(
            "towns__department__region", "departments", "regions", "topics"
        ):
            if (document := self.document_for(entry)) is not None:
                yield document

    def document_for(self, obj: Any) -> SearchDocument | None:
        if not _is_current(obj):
            return None
        towns = list(obj.towns.all())
        departments = list(obj.departments.all())
        regions = list(obj.regions.all())
        axes, themes = topic_labels(obj.topics.all())
        # One town: the entry is placed there (facets); several: they are named, not faceted.
        place = town_fields(towns[0]) if len(towns) == 1 else {}
        if not place and len(departments) == 1:
            department = departments[0]
            place = {"department": f"{department.name} ({department.code})"}
        if "region" not in place and len(regions) == 1:
            place["region"] = regions[0].name
        return SearchDocument(
            key=self.key_for(obj),
            type="referent",
            title=obj.full_name,
            url=obj.get_absolute_url(),
            summary=" — ".join(
                filter(None, [obj.get_role_display(), obj.job_title, obj.organisation])
            ),
            text=obj.bio,
            axes=axes,
            themes=themes,
            author=obj.organisation,
            keywords=(
                *(town.name for town in towns),
                *(department.name for department in departments),
                *(region.name for region in regions),
            ),
            **place,
        )

    def key_for(self, obj: Any) -> str:
        return f"directory-entry:{obj.pk}"

    def affected(self, obj: Any) -> Iterable[Any]:
        yield obj


def _relations_changed(sender: Any, instance: Any, action: str, **kwargs: Any) -> None:
    if action.startswith("post_") and isinstance(instance, DirectoryEntry):
        indexing.object_changed(instance)


registry.register(DirectoryEntrySource())
for _relation in ("towns", "departments", "regions", "topics"):
    m2m_changed.connect(
        _relations_changed,
        sender=getattr(DirectoryEntry, _relation).through,
        dispatch_uid=f"search:directory-{_relation}",
    )
