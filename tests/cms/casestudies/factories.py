"""Case-study pages for tests, created under a given index page."""

from typing import Any

import factory
from django.utils.text import slugify
from taggit.models import Tag

from cms.casestudies.models import CaseStudyIndexPage, CaseStudyPage, CaseStudyTag


class CaseStudyIndexPageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseStudyIndexPage

    title = "Retours d’expérience"
    slug = "retours-d-experience"

    @classmethod
    def _create(cls, model_class: type, *args: Any, parent: Any, **kwargs: Any) -> Any:
        return parent.add_child(instance=model_class(*args, **kwargs))


class CaseStudyPageFactory(factory.django.DjangoModelFactory):
    """Pass `parent` (the index), `town`, and optionally `tag_names`."""

    class Meta:
        model = CaseStudyPage

    title = factory.Sequence(lambda n: f"Projet numéro {n}")
    slug = factory.Sequence(lambda n: f"projet-{n}")
    summary = "Ce que la ville a fait, avec qui et ce qu’elle en retient."
    year = 2022

    @classmethod
    def _create(
        cls, model_class: type, *args: Any, parent: Any, tag_names: tuple = (), **kwargs: Any
    ) -> Any:
        tags = [
            Tag.objects.get_or_create(name=name, defaults={"slug": slugify(name)})[0]
            for name in tag_names
        ]
        page = model_class(*args, tagged_items=[CaseStudyTag(tag=tag) for tag in tags], **kwargs)
        return parent.add_child(instance=page)
