"""What the groups contribute to other pages: an axis page shows its working group, the home
page the open calls for contributions. Editors' changes to groups and calls are content:
they renew the CMS content version (membership and forum activity never do)."""

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from cms.core.fragments import bump_content_version
from cms.core.related import RelatedSection, register

from .models import CallForContributions, WorkingGroup


@register("topic")
def topic_working_group(topic: Any) -> RelatedSection | None:
    group = WorkingGroup.objects.filter(topic=topic).first()
    if group is None:
        return None
    return RelatedSection(
        title="Le groupe de travail",
        items=[group],
        item_template="groups/includes/group_card.html",
        order=5,
    )


@register("home")
def open_calls(page: Any) -> RelatedSection | None:
    calls = list(
        CallForContributions.objects.filter(
            status=CallForContributions.Status.OPEN, deadline__gte=timezone.localdate()
        )
        .select_related("group")
        .order_by("deadline")[:3]
    )
    return RelatedSection(
        title="Appels à contributions en cours",
        items=calls,
        item_template="groups/includes/call_card.html",
        more_url="/groupes-de-travail/",
        more_label="Tous les groupes de travail",
        order=10,
    )


def _editorial_change(sender: Any, **kwargs: Any) -> None:
    if not kwargs.get("raw"):
        bump_content_version()


def _group_saved(sender: Any, instance: WorkingGroup, **kwargs: Any) -> None:
    if not kwargs.get("raw"):
        from .setup import sync_group_category

        sync_group_category(instance)


# Connected before the content-version bump, so pages rendered after it see the new rule.
post_save.connect(_group_saved, sender=WorkingGroup, dispatch_uid="cdv-group-category")
for _model in (WorkingGroup, CallForContributions):
    post_save.connect(_editorial_change, sender=_model, dispatch_uid=f"cdv-{_model.__name__}")
    post_delete.connect(_editorial_change, sender=_model, dispatch_uid=f"cdv-del-{_model.__name__}")


def _open_call_topic(sender: Any, instance: CallForContributions, **kwargs: Any) -> None:
    """A call is answered in its group's forum: its topic is opened with the call."""
    if kwargs.get("raw") or instance.forum_topic_id:
        return
    from django.utils.html import strip_tags

    from community.forum.posting import create_topic

    from .setup import ensure_group_category

    ensure_group_category(instance.group)
    topic = create_topic(
        category=instance.group.category,
        author=None,
        title=f"Appel à contributions : {instance.title}"[:200],
        body=f"{strip_tags(instance.text)}\n\nDate limite : {instance.deadline:%d/%m/%Y}.",
    )
    CallForContributions.objects.filter(pk=instance.pk).update(forum_topic=topic)
    instance.forum_topic = topic


post_save.connect(_open_call_topic, sender=CallForContributions, dispatch_uid="cdv-call-topic")
