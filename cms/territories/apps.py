from django.apps import AppConfig


class TerritoriesConfig(AppConfig):
    name = "cms.territories"
    label = "territories"
    verbose_name = "Territoires"
