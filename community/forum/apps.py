from django.apps import AppConfig


class ForumConfig(AppConfig):
    name = "community.forum"
    label = "forum"
    verbose_name = "Forum"

    def ready(self) -> None:
        from django.contrib.auth import get_user_model
        from django.db.models.signals import pre_delete

        from . import account, related, search_source  # noqa: F401  (related: town pages)

        account.register()
        pre_delete.connect(
            _account_deleted, sender=get_user_model(), dispatch_uid="forum:search-author"
        )


def _account_deleted(sender: object, instance: object, **kwargs: object) -> None:
    # Posts stay, signed « Compte supprimé »: the author's name must leave the index.
    from .search_source import reindex_author

    reindex_author(instance)
