from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "community.directory"
    label = "directory"
    verbose_name = "Annuaire des référents"

    def ready(self) -> None:
        from . import personal_data, related, search_source, signals  # noqa: F401

        personal_data.register()
