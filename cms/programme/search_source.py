"""The axes and themes in the portal's search; the glossary feeds its acronym synonyms."""

from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models.signals import post_delete, post_save
from django.utils.html import strip_tags

from search import registry, synonyms
from search.documents import SearchDocument

from .models import GlossaryTerm, Topic


class TopicSource:
    name = "cms.topics"
    types = {"axe": "Axe", "theme": "Thème transversal"}
    models = (Topic,)

    def documents(self) -> Iterator[SearchDocument]:
        for topic in Topic.objects.all():
            yield self.build(topic)

    def document_for(self, obj: Any) -> SearchDocument | None:
        return self.build(obj)

    def key_for(self, obj: Any) -> str:
        return f"topic:{obj.pk}"

    def affected(self, obj: Any) -> Iterable[Any]:
        yield obj

    def build(self, topic: Topic) -> SearchDocument:
        is_axis = topic.kind == Topic.Kind.AXIS
        return SearchDocument(
            key=self.key_for(topic),
            type="axe" if is_axis else "theme",
            title=topic.title,
            url=topic.get_absolute_url(),
            summary=topic.summary,
            text=strip_tags(topic.introduction),
            axes=(topic.short_title,) if is_axis else (),
            themes=() if is_axis else (topic.short_title,),
        )


def glossary() -> dict[str, str]:
    return dict(GlossaryTerm.objects.values_list("acronym", "expansion"))


def glossary_changed(**kwargs: Any) -> None:
    synonyms.clear()


registry.register(TopicSource())
synonyms.register(glossary)
post_save.connect(glossary_changed, sender=GlossaryTerm, dispatch_uid="search-glossary")
post_delete.connect(glossary_changed, sender=GlossaryTerm, dispatch_uid="search-glossary-del")
