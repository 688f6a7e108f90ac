from django.apps import AppConfig


class NewsletterConfig(AppConfig):
    name = "newsletter"
    label = "newsletter"
    verbose_name = "Lettre d’information"

    def ready(self) -> None:
        from . import bounces  # noqa: F401  (connects the anymail tracking receiver)
