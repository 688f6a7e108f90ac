from django.apps import AppConfig


class CoeurDeVilleConfig(AppConfig):
    name = "coeurdeville"
    verbose_name = "Cœur de ville"
