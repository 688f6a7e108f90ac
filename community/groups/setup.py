"""One working group, with its forum category, per axis and transversal theme.

`load_reference_data` (production) and the demo call `ensure_topic_groups`; it is
idempotent and never overwrites what editors wrote."""

from django.db import transaction

from cms.programme.models import Topic

from .models import Visibility, WorkingGroup


def ensure_group_category(group: WorkingGroup) -> None:
    from community.forum.models import Category

    Category.objects.get_or_create(
        group=group,
        defaults={
            "title": group.title,
            "slug": f"groupe-{group.slug}"[:120],
            "description": group.summary,
            "visibility": group.forum_visibility,
            "position": 10,
        },
    )


def sync_group_category(group: WorkingGroup) -> None:
    """The group's « visibilité du forum » is the authority for its forum category: changing
    it in the admin makes the forum members-only (or public) at once."""
    from community.forum.models import Category

    # save(), not update(): the category's signals refresh cached pages and the search index.
    for category in Category.objects.filter(group=group).exclude(visibility=group.forum_visibility):
        category.visibility = group.forum_visibility
        category.save(update_fields=["visibility"])


@transaction.atomic
def ensure_topic_groups() -> int:
    """Creates what is missing; returns the number of groups created."""
    from community.forum.models import Category

    created = 0
    for topic in Topic.objects.all():
        group, was_created = WorkingGroup.objects.get_or_create(
            topic=topic,
            defaults={
                "title": f"Groupe de travail « {topic.short_title} »",
                "slug": topic.slug,
                "summary": topic.summary,
                "is_open": True,
                "forum_visibility": Visibility.PUBLIC,
            },
        )
        created += was_created
        ensure_group_category(group)
    Category.objects.get_or_create(
        slug="general",
        defaults={
            "title": "Échanges généraux",
            "description": "Questions et partages entre membres de la communauté.",
            "position": 1,
        },
    )
    return created
