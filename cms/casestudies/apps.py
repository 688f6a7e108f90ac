from django.apps import AppConfig


class CaseStudiesConfig(AppConfig):
    name = "cms.casestudies"
    label = "casestudies"
    verbose_name = "Retours d’expérience"
