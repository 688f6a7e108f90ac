"""Admin customisation: a dashboard panel fit for the programme team."""

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Page, Revision

from cms.casestudies.models import CaseStudyPage
from cms.news.models import NewsPage, PressReleasePage
from cms.resources.models import ResourcePage

# What the panel counts: (label, page model); the link opens the admin search on that type.
COUNTED_TYPES: list[tuple[str, type[Page]]] = [
    ("Guides et ressources", ResourcePage),
    ("Retours d’expérience", CaseStudyPage),
    ("Actualités", NewsPage),
    ("Communiqués de presse", PressReleasePage),
]


def pages_per_type() -> dict[int, int]:
    """How many pages of each content type exist below the home page.

    `order_by()` clears Page's default ordering (`path`), which would otherwise enter the
    GROUP BY and count every page on its own row.
    """
    return dict(
        Page.objects.filter(depth__gt=2)
        .order_by()
        .values("content_type")
        .annotate(total=Count("pk"))
        .values_list("content_type", "total")
    )


class ProgrammeDashboardPanel(Component):
    """What the team checks first: pages awaiting work and the shortcuts they use most."""

    name = "programme"
    order = 50
    template_name = "coeurdeville/dashboard_panel.html"

    def get_context_data(self, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
        context = super().get_context_data(parent_context)
        counts = pages_per_type()
        context["counts"] = [
            (
                label,
                counts.get(ContentType.objects.get_for_model(model).pk, 0),
                f"/admin/pages/search/?content_type={model._meta.app_label}."
                f"{model._meta.model_name}",
            )
            for label, model in COUNTED_TYPES
        ]
        context["drafts"] = Page.objects.filter(depth__gt=2, has_unpublished_changes=True).count()
        context["recent_revisions"] = Revision.page_revisions.select_related("user").order_by(
            "-created_at"
        )[:5]
        return context


@hooks.register("construct_homepage_panels")
def add_programme_panel(request: Any, panels: list[Component]) -> None:
    panels.insert(0, ProgrammeDashboardPanel())
