"""Publishing side effects: what changes the public site bumps the content version, so
cached fragments and the site chrome are rebuilt (see `fragments`)."""

from typing import Any

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .fragments import bump_content_version

# Models whose saved rows the public pages show directly (not through page publication).
SHARED_DATA_APPS = {"programme", "territories", "core", "wagtailimages", "wagtaildocs", "taggit"}


@receiver(page_published)
@receiver(page_unpublished)
@receiver(page_slug_changed)
@receiver(post_page_move)
def page_changed(sender: Any, **kwargs: Any) -> None:
    bump_content_version()


# Wagtail fills these lazily while rendering a download link: nothing readers see changes.
RENDERING_FIELDS = frozenset({"file_size", "file_hash"})


def shared_data_changed(sender: Any, **kwargs: Any) -> None:
    update_fields = kwargs.get("update_fields")
    if kwargs.get("raw") or (update_fields and set(update_fields) <= RENDERING_FIELDS):
        return
    if kwargs.get("created") and issubclass(sender, BaseSiteSetting):
        return  # settings rows are created with their defaults on first read
    bump_content_version()


def live_page_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    """Pages created or changed in code (imports, scripts) skip `page_published`."""
    if instance.live and not kwargs.get("raw"):
        bump_content_version()


def connect() -> None:
    from wagtail.models import Page, Site

    # Sites decide which page tree a host is served from (and the cached routes).
    post_save.connect(shared_data_changed, sender=Site, dispatch_uid="cdv-site")
    post_delete.connect(shared_data_changed, sender=Site, dispatch_uid="cdv-del-site")

    for model in apps.get_models():
        if (
            model._meta.app_label in SHARED_DATA_APPS
            and not issubclass(model, Page)
            # Renditions are made while rendering: they change nothing readers see.
            and not model._meta.model_name.endswith("rendition")
        ):
            post_save.connect(
                shared_data_changed, sender=model, dispatch_uid=f"cdv-{model._meta.label}"
            )
            post_delete.connect(
                shared_data_changed, sender=model, dispatch_uid=f"cdv-del-{model._meta.label}"
            )
    for model in apps.get_models():
        if issubclass(model, Page):
            post_save.connect(
                live_page_changed, sender=model, dispatch_uid=f"cdv-{model._meta.label}"
            )
            post_delete.connect(
                live_page_changed, sender=model, dispatch_uid=f"cdv-del-{model._meta.label}"
            )
