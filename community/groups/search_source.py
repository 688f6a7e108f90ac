"""Working groups and calls for contributions in the portal's search, and the audience
resolver that lets a signed-in member find what their groups' forums hold.

Groups and calls are public pages. The resolver mirrors `community.visibility`: members
read members-only general categories (« members »), a group's members read its
members-only category (« group:<id> »), moderators read everything.
"""

from collections.abc import Iterable, Iterator
from typing import Any

from django.utils.html import strip_tags

from community import visibility
from search import audiences, registry
from search.documents import MEMBERS, SearchDocument, group_audience
from search.pages import topic_labels

from .models import CallForContributions, WorkingGroup


def _text(html: str) -> str:
    return " ".join(strip_tags(html).split())


class WorkingGroupSource:
    name = "community.groups.groups"
    types = {"groupe-de-travail": "Groupe de travail"}
    models = (WorkingGroup,)

    def documents(self) -> Iterator[SearchDocument]:
        for group in WorkingGroup.objects.select_related("topic"):
            if (document := self.document_for(group)) is not None:
                yield document

    def document_for(self, obj: Any) -> SearchDocument | None:
        axes, themes = topic_labels([obj.topic] if obj.topic else [])
        return SearchDocument(
            key=self.key_for(obj),
            type="groupe-de-travail",
            title=obj.title,
            url=obj.get_absolute_url(),
            summary=obj.summary,
            text=_text(obj.description),
            axes=axes,
            themes=themes,
        )

    def key_for(self, obj: Any) -> str:
        return f"working-group:{obj.pk}"

    def affected(self, obj: Any) -> Iterable[Any]:
        yield obj
        yield from obj.calls.all()  # their URLs carry the group's slug


class CallSource:
    name = "community.groups.calls"
    types = {"appel-contributions": "Appel à contributions"}
    models = (CallForContributions,)

    def documents(self) -> Iterator[SearchDocument]:
        for call in CallForContributions.objects.select_related("group__topic"):
            if (document := self.document_for(call)) is not None:
                yield document

    def document_for(self, obj: Any) -> SearchDocument | None:
        group = obj.group
        axes, themes = topic_labels([group.topic] if group.topic else [])
        return SearchDocument(
            key=self.key_for(obj),
            type="appel-contributions",
            title=obj.title,
            url=obj.get_absolute_url(),
            summary=f"{obj.get_status_display()} — date limite le {obj.deadline:%d/%m/%Y}",
            text=" ".join(filter(None, [_text(obj.text), _text(obj.synthesis)])),
            date=obj.created_at.date(),
            axes=axes,
            themes=themes,
            keywords=(group.title,),
        )

    def key_for(self, obj: Any) -> str:
        return f"call-for-contributions:{obj.pk}"

    def affected(self, obj: Any) -> Iterable[Any]:
        yield obj


registry.register(WorkingGroupSource())
registry.register(CallSource())


@audiences.register
def community_audiences(user: Any) -> set[str]:
    """The audiences of a signed-in user, read through `community.visibility`."""
    if visibility.is_moderator(user):
        ids = WorkingGroup.objects.values_list("pk", flat=True)
        return {MEMBERS, *(group_audience(pk) for pk in ids)}
    if not visibility.is_member(user):
        return set()
    return {MEMBERS, *(group_audience(pk) for pk in visibility.group_ids_of(user))}
