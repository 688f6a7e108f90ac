"""Factories for the shared models; each app's tests add their own beside their tests."""

import factory
from wagtail.images.models import Image

from cms.programme.models import Topic


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    kind = Topic.Kind.AXIS
    number = factory.Sequence(lambda n: n + 10)
    title = factory.Sequence(lambda n: f"Axe d’essai {n}")
    short_title = factory.Sequence(lambda n: f"Essai {n}")
    slug = factory.Sequence(lambda n: f"essai-{n}")


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Image

    title = factory.Sequence(lambda n: f"Image {n}")
    file = factory.django.ImageField(width=640, height=360, color="blue")
