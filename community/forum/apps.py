from django.apps import AppConfig


class ForumConfig(AppConfig):
    name = "community.forum"
    label = "forum"
    verbose_name = "Forum"

    def ready(self) -> None:
        from . import related  # noqa: F401  (registers the town-page section)
