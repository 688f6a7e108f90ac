from django.apps import AppConfig


class MeasuresConfig(AppConfig):
    name = "cms.measures"
    label = "measures"
    verbose_name = "Dispositifs"
