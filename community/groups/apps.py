from django.apps import AppConfig


class GroupsConfig(AppConfig):
    name = "community.groups"
    label = "groups"
    verbose_name = "Groupes de travail"

    def ready(self) -> None:
        from . import related  # noqa: F401  (registers the axis-page and home sections)
