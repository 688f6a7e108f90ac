from django.apps import AppConfig


class ProgrammeConfig(AppConfig):
    name = "cms.programme"
    label = "programme"
    verbose_name = "Structure du programme"
