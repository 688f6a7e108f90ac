"""Town pages cache their related sections under the content version: a directory change
must show there at once."""

from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from cms.core.fragments import bump_content_version

from .models import DirectoryEntry


@receiver(post_save, sender=DirectoryEntry)
@receiver(post_delete, sender=DirectoryEntry)
def entry_changed(sender: Any, **kwargs: Any) -> None:
    bump_content_version()


@receiver(m2m_changed, sender=DirectoryEntry.towns.through)
def entry_towns_changed(sender: Any, **kwargs: Any) -> None:
    if kwargs.get("action", "").startswith("post_"):
        bump_content_version()
