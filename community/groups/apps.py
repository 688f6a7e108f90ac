from django.apps import AppConfig


class GroupsConfig(AppConfig):
    name = "community.groups"
    label = "groups"
    verbose_name = "Groupes de travail"

    def ready(self) -> None:
        from . import related, search_source  # noqa: F401  (axis/home sections, search)
