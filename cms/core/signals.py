"""Publishing side effects: drop cached fragments that may now be stale."""

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_slug_changed, page_unpublished

from .chrome import clear_chrome
from .models.settings import NavigationSettings, PortalSettings


@receiver(post_save, sender=PortalSettings)
@receiver(post_save, sender=NavigationSettings)
@receiver(post_delete, sender=PortalSettings)
@receiver(post_delete, sender=NavigationSettings)
@receiver(page_published)
@receiver(page_unpublished)
@receiver(page_slug_changed)
def drop_chrome_cache(sender: Any, **kwargs: Any) -> None:
    clear_chrome()
