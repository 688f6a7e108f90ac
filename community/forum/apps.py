from django.apps import AppConfig


class ForumConfig(AppConfig):
    name = "community.forum"
    label = "forum"
    verbose_name = "Forum"

    def ready(self) -> None:
        from . import account, related  # noqa: F401  (related: the town-page section)

        account.register()
