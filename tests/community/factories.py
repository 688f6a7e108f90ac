"""Factories for the community: members, groups, categories, topics and posts."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from community.forum.markup import render_markdown
from community.forum.models import Category, Post, Topic
from community.groups.models import Membership, Visibility, WorkingGroup


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"membre{n}@example.org")
    first_name = factory.Sequence(lambda n: f"Camille{n}")
    last_name = "Martin"
    password = factory.PostGenerationMethodCall("set_password", "mot-de-passe-solide-42")

    @factory.post_generation
    def save_password(self, create, extracted, **kwargs):
        if create:
            self.save()

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        """Members have a verified address (pass `verified=False` for a new account)."""
        if create:
            EmailAddress.objects.create(
                user=self, email=self.email, primary=True, verified=extracted is not False
            )


class WorkingGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkingGroup

    title = factory.Sequence(lambda n: f"Groupe {n}")
    slug = factory.Sequence(lambda n: f"groupe-{n}")
    summary = "Un groupe de travail."
    forum_visibility = Visibility.PUBLIC


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    title = factory.Sequence(lambda n: f"Catégorie {n}")
    slug = factory.Sequence(lambda n: f"categorie-{n}")


def group_with_category(*, visibility: str = Visibility.PUBLIC, **kwargs) -> WorkingGroup:
    group = WorkingGroupFactory(forum_visibility=visibility, **kwargs)
    CategoryFactory(
        group=group, visibility=visibility, title=group.title, slug=f"forum-{group.slug}"
    )
    group.refresh_from_db()
    return group


def add_member(group: WorkingGroup, user) -> Membership:
    return Membership.objects.create(group=group, user=user, status=Membership.Status.ACTIVE)


def make_topic(category: Category, author, *, posts: int = 1, title: str = "Un sujet") -> Topic:
    """Rows written directly (no notifications): for pages and query counts."""
    topic = Topic.objects.create(category=category, title=title, author=author, post_count=posts)
    Post.objects.bulk_create(
        [
            Post(
                topic=topic,
                number=n,
                author=author,
                body=f"Message {n}",
                html=render_markdown(f"Message {n}"),
            )
            for n in range(1, posts + 1)
        ]
    )
    return topic
