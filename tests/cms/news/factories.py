"""Factories for news and press pages: each page is added under the `parent` it is given."""

import datetime

import factory

from cms.news.models import NewsPage, PressReleasePage
from tests.factories import ImageFactory

# Each new page is one day older than the previous one.
LATEST = datetime.date(2024, 6, 1)


class ChildPageFactory(factory.django.DjangoModelFactory):
    """Creates the page as a live child of `parent` (a required keyword argument)."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, parent, **kwargs):
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        return page


class NewsPageFactory(ChildPageFactory):
    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"Actualité numéro {n}")
    slug = factory.Sequence(lambda n: f"actualite-{n}")
    summary = "Une nouvelle du programme Action cœur de ville."
    published_on = factory.Sequence(lambda n: LATEST - datetime.timedelta(days=n))
    listing_image = factory.SubFactory(ImageFactory, file__width=64, file__height=36)


class PressReleasePageFactory(ChildPageFactory):
    class Meta:
        model = PressReleasePage

    title = factory.Sequence(lambda n: f"Communiqué numéro {n}")
    slug = factory.Sequence(lambda n: f"communique-{n}")
    summary = "Un communiqué du programme."
    published_on = factory.Sequence(lambda n: LATEST - datetime.timedelta(days=n))
    listing_image = factory.SubFactory(ImageFactory, file__width=64, file__height=36)
