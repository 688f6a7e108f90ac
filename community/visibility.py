"""The one rule deciding who may read and write what in the community.

Every output — forum pages, listings, feeds, the sitemap, notifications, digests,
mentions, attachments, exports and the related sections of town and axis pages — asks these
functions (or filters with the querysets they return). Content a user may not read answers
404, never 403 with its title.
"""

from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from community.accounts import roles
from community.groups.models import Membership, Visibility, WorkingGroup


def is_member(user: Any) -> bool:
    """An active account with a verified e-mail address: what it takes to take part."""
    return roles.is_member(user)


def is_moderator(user: Any) -> bool:
    """Forum moderators (the « Modération du forum » role) and the programme's staff."""
    return roles.is_moderator(user) or (roles.is_staff(user) and roles.is_member(user))


def is_suspended(user: Any) -> bool:
    """Cached per user object, like the roles: a page asks it for each action it offers."""
    if not is_member(user):
        return False
    suspended = getattr(user, "_forum_suspended", None)
    if suspended is None:
        from community.forum.models import Suspension

        suspended = Suspension.objects.filter(user=user, until__gt=timezone.now()).exists()
        user._forum_suspended = suspended
    return suspended


def _groups_of(user: Any) -> tuple[set[int], set[int]]:
    """(groups the user is an active member of, groups they coordinate), cached per user."""
    cached = getattr(user, "_community_group_ids", None)
    if cached is None:
        cached = (
            set(
                Membership.objects.filter(user=user, status=Membership.Status.ACTIVE).values_list(
                    "group_id", flat=True
                )
            ),
            set(
                WorkingGroup.coordinators.through.objects.filter(user=user).values_list(
                    "workinggroup_id", flat=True
                )
            ),
        )
        user._community_group_ids = cached
    return cached


def group_ids_of(user: Any) -> set[int]:
    """The working groups a user belongs to (active member or coordinator), cached per user."""
    if not is_member(user):
        return set()
    members_of, coordinates = _groups_of(user)
    return members_of | coordinates


def forget_groups(user: Any) -> None:
    """Call after a membership changes, so the next check reads it again."""
    if hasattr(user, "_community_group_ids"):
        del user._community_group_ids


def is_group_member(user: Any, group: WorkingGroup) -> bool:
    return group.pk in group_ids_of(user)


def is_coordinator(user: Any, group: WorkingGroup) -> bool:
    return is_member(user) and (user.is_staff or group.pk in _groups_of(user)[1])


def readable_categories_q(user: Any, prefix: str = "") -> Q:
    """A filter on categories (or on a relation to them, through `prefix`)."""
    public = Q(**{f"{prefix}visibility": Visibility.PUBLIC})
    if is_moderator(user):
        return Q()
    if not is_member(user):
        return public
    return (
        public
        | Q(**{f"{prefix}visibility": Visibility.MEMBERS, f"{prefix}group__isnull": True})
        | Q(**{f"{prefix}group_id__in": group_ids_of(user)})
    )


def can_read_category(user: Any, category: Any) -> bool:
    if category.visibility == Visibility.PUBLIC or is_moderator(user):
        return True
    if not is_member(user):
        return False
    return category.group_id is None or category.group_id in group_ids_of(user)


def can_read_topic(user: Any, topic: Any) -> bool:
    if topic.is_deleted and not is_moderator(user):
        return False
    return can_read_category(user, topic.category)


def can_read_post(user: Any, post: Any) -> bool:
    """Reading a post's content (not its « message supprimé » placeholder): a hidden or
    deleted post stays readable to those who moderate its topic — the forum's moderators
    and the coordinators of its group — on the page and in its attachments alike."""
    if not can_read_topic(user, post.topic):
        return False
    return post.is_visible or can_moderate(user, post.topic)


def readable_topics(user: Any) -> QuerySet:
    from community.forum.models import Topic

    topics = Topic.objects.filter(readable_categories_q(user, "category__"))
    return topics if is_moderator(user) else topics.filter(is_deleted=False)


def readable_posts(user: Any) -> QuerySet:
    from community.forum.models import Post

    posts = Post.objects.filter(readable_categories_q(user, "topic__category__"))
    if is_moderator(user):
        return posts
    return posts.filter(topic__is_deleted=False, is_deleted=False, is_hidden=False)


def public_topics() -> QuerySet:
    """What anonymous readers see: the sitemap, feeds and the town and axis pages use it."""
    from django.contrib.auth.models import AnonymousUser

    return readable_topics(AnonymousUser())


def can_post_in(user: Any, category: Any) -> bool:
    """Start a topic or reply: members; in a group's category, the group's members."""
    if not is_member(user) or is_suspended(user) or not can_read_category(user, category):
        return False
    if category.group_id is None or is_moderator(user):
        return True
    return category.group_id in group_ids_of(user)


def can_reply(user: Any, topic: Any) -> bool:
    if topic.is_locked and not is_moderator(user):
        return False
    return can_read_topic(user, topic) and can_post_in(user, topic.category)


def can_edit_post(user: Any, post: Any) -> bool:
    if not can_read_post(user, post) or post.is_deleted:
        return False
    if is_moderator(user):
        return True
    return post.author_id == user.pk and not post.topic.is_locked and not is_suspended(user)


def can_delete_topic(user: Any, topic: Any) -> bool:
    """Deleting a topic's first post deletes the topic: once others have replied, only the
    moderators may do that (their replies would go with it)."""
    if is_moderator(user):
        return True
    return not topic.posts.filter(number__gt=1).exclude(author_id=user.pk).exists()


def can_delete_post(user: Any, post: Any) -> bool:
    if not can_edit_post(user, post):
        return False
    return post.number != 1 or can_delete_topic(user, post.topic)


def can_report(user: Any, post: Any) -> bool:
    """Members report others' posts they can read; not their own, not while suspended."""
    return (
        is_member(user)
        and not is_suspended(user)
        and post.author_id != user.pk
        and can_read_post(user, post)
    )


def can_moderate(user: Any, topic: Any) -> bool:
    """Pin, lock, hide, read earlier versions: moderators and the group's coordinators."""
    if is_moderator(user):
        return True
    group = topic.category.group
    return group is not None and can_read_topic(user, topic) and is_coordinator(user, group)


def can_mark_answer(user: Any, topic: Any) -> bool:
    return can_moderate(user, topic) or (
        is_member(user) and topic.author_id == user.pk and can_read_topic(user, topic)
    )


def questionnaires_answered_for(user: Any) -> set[int]:
    """The questionnaires whose answers `user` may read: those of the calls of the groups
    they coordinate (the site's answer pages and the admin's « Formulaires » both ask)."""
    from community.groups.models import CallForContributions

    calls = CallForContributions.objects.filter(questionnaire__isnull=False).select_related("group")
    return {call.questionnaire_id for call in calls if is_coordinator(user, call.group)}
