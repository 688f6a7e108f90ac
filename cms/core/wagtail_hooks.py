"""Admin customisation: a dashboard panel fit for the programme team."""

from typing import Any

from django.db.models import Count
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Page, Revision


class ProgrammeDashboardPanel(Component):
    """What the team checks first: pages awaiting work and the shortcuts they use most."""

    name = "programme"
    order = 50
    template_name = "core/admin/dashboard_panel.html"

    def get_context_data(self, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
        context = super().get_context_data(parent_context)
        counts = dict(
            Page.objects.filter(depth__gt=2)
            .values_list("content_type__model")
            .annotate(total=Count("pk"))
            .values_list("content_type__model", "total")
        )
        context["counts"] = [
            (
                "Guides et ressources",
                counts.get("resourcepage", 0),
                "/admin/pages/search/?content_type=resources.resourcepage",
            ),
            (
                "Retours d’expérience",
                counts.get("casestudypage", 0),
                "/admin/pages/search/?content_type=casestudies.casestudypage",
            ),
            (
                "Actualités",
                counts.get("newspage", 0),
                "/admin/pages/search/?content_type=news.newspage",
            ),
            (
                "Communiqués de presse",
                counts.get("pressreleasepage", 0),
                "/admin/pages/search/?content_type=news.pressreleasepage",
            ),
        ]
        context["drafts"] = Page.objects.filter(depth__gt=2, has_unpublished_changes=True).count()
        context["recent_revisions"] = Revision.page_revisions.select_related("user").order_by(
            "-created_at"
        )[:5]
        return context


@hooks.register("construct_homepage_panels")
def add_programme_panel(request: Any, panels: list[Component]) -> None:
    panels.insert(0, ProgrammeDashboardPanel())
