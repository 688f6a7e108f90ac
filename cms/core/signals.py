"""The one invalidation rule: what readers can see changes ⇒ the content version is bumped,
so every cache keyed by it goes (see `fragments`); nothing else bumps it.

What readers see changes when a page is published, unpublished, moved, renamed or deleted
while live; when a page's or a collection's privacy changes; when a site changes; and when
shared data that pages show changes (topics, towns, settings and menus, images, documents
and tags already in place). What does not: draft revisions and Wagtail's autosave, page
locks and workflow states, renditions and the file size or hash Wagtail fills in while
rendering, new images, documents and tags nobody uses yet, settings rows created with their
defaults on first read, and anything outside these models (accounts, forum activity).

Rows from outside the CMS that a few cached pages list (a forum topic on its town's page)
renew only those pages, through their scope version, when one is renamed or removed:
`listed_rows_changed.send(sender, scopes=[...])` (sent once the transaction commits).
"""

from typing import Any

from django.apps import apps
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal, receiver
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .fragments import bump_content_version, bump_scope_version

# Sent with `scopes`: the scope versions (`fragments.scope_version`) of the pages to renew.
listed_rows_changed = Signal()

# Apps whose rows public pages show directly, not through page publication.
SHARED_DATA_APPS = {"programme", "territories", "core", "wagtailimages", "wagtaildocs", "taggit"}
# New rows of these models show nowhere until a page uses them, and publishing that page
# bumps (an image uploaded with tags creates tags and tagged items).
LIBRARY_MODELS = {"wagtailimages.image", "wagtaildocs.document", "taggit.tag", "taggit.taggeditem"}
# Page fields that only the admin sees: saving a draft revision (or autosaving it), locking
# a page or commenting on it writes these and nothing else.
DRAFT_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "wagtail_admin_comments",
        "comments",
        "locked",
        "locked_by",
        "locked_at",
    }
)
# Wagtail fills these lazily while rendering a download link or an image.
RENDERING_FIELDS = frozenset({"file_size", "file_hash"})


@receiver(page_published)
@receiver(page_unpublished)
@receiver(page_slug_changed)
@receiver(post_page_move)
def page_changed(sender: Any, **kwargs: Any) -> None:
    bump_content_version()


@receiver(listed_rows_changed)
def listed_rows_renewed(sender: Any, scopes: list[str], **kwargs: Any) -> None:
    for scope in scopes:
        bump_scope_version(scope)


def privacy_changed(sender: Any, **kwargs: Any) -> None:
    """A page or collection made private or public again, or its allowed groups changed."""
    if not kwargs.get("raw"):
        bump_content_version()


def restriction_groups_changed(sender: Any, action: str, **kwargs: Any) -> None:
    if action in {"post_add", "post_remove", "post_clear"}:
        bump_content_version()


def shared_data_changed(sender: type[Model], **kwargs: Any) -> None:
    update_fields = kwargs.get("update_fields")
    if kwargs.get("raw") or (update_fields and set(update_fields) <= RENDERING_FIELDS):
        return
    if kwargs.get("created") and (
        issubclass(sender, BaseSiteSetting) or sender._meta.label_lower in LIBRARY_MODELS
    ):
        return
    bump_content_version()


def live_page_saved(sender: Any, instance: Any, **kwargs: Any) -> None:
    """Live pages changed in code (imports, scripts) skip `page_published`; draft saves of a
    live page change only the admin's fields."""
    update_fields = kwargs.get("update_fields")
    if not instance.live or kwargs.get("raw"):
        return
    if update_fields and set(update_fields) <= DRAFT_FIELDS:
        return
    bump_content_version()


def live_page_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    if instance.live:
        bump_content_version()


def connect() -> None:
    from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction, Site

    post_save.connect(shared_data_changed, sender=Site, dispatch_uid="cdv-site")
    post_delete.connect(shared_data_changed, sender=Site, dispatch_uid="cdv-del-site")
    for restriction in (PageViewRestriction, CollectionViewRestriction):
        label = restriction._meta.label
        post_save.connect(privacy_changed, sender=restriction, dispatch_uid=f"cdv-{label}")
        post_delete.connect(privacy_changed, sender=restriction, dispatch_uid=f"cdv-del-{label}")
        m2m_changed.connect(
            restriction_groups_changed,
            sender=restriction.groups.through,
            dispatch_uid=f"cdv-groups-{label}",
        )

    for model in apps.get_models():
        label = model._meta.label
        if issubclass(model, Page):
            post_save.connect(live_page_saved, sender=model, dispatch_uid=f"cdv-{label}")
            post_delete.connect(live_page_deleted, sender=model, dispatch_uid=f"cdv-del-{label}")
        elif (
            model._meta.app_label in SHARED_DATA_APPS
            # Renditions are made while rendering: they change nothing readers see.
            and not model._meta.model_name.endswith("rendition")
        ):
            post_save.connect(shared_data_changed, sender=model, dispatch_uid=f"cdv-{label}")
            post_delete.connect(shared_data_changed, sender=model, dispatch_uid=f"cdv-del-{label}")
