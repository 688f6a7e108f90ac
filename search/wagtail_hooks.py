"""The search analytics report in the Wagtail admin (Rapports › Recherches du site)."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import analytics

PERMISSION = "portal_search.view_querylog"
PERIODS = {7: "7 derniers jours", 30: "30 derniers jours", 90: "90 derniers jours"}


def search_report(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    value = request.GET.get("jours", "30")
    days = int(value) if value in {str(d) for d in PERIODS} else 30
    daily = analytics.click_through_by_day(days)
    searches = sum(day.searches for day in daily)
    clicked = sum(day.clicked for day in daily)
    return TemplateResponse(
        request,
        "search/admin/report.html",
        {
            "days": days,
            "periods": PERIODS,
            "top_queries": analytics.top_queries(days),
            "zero_result_queries": analytics.zero_result_queries(days),
            "daily": daily,
            "bars": analytics.chart_bars(daily),
            "bar_width": round(600 / max(1, len(daily)) - 2, 1),
            "searches": searches,
            "click_through": clicked / searches if searches else 0,
        },
    )


@hooks.register("register_admin_urls")
def register_admin_urls() -> list:
    return [path("recherches/", search_report, name="search_report")]


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm(PERMISSION)


@hooks.register("register_reports_menu_item")
def register_report_menu_item() -> MenuItem:
    return SearchReportMenuItem(
        "Recherches du site", reverse("search_report"), icon_name="search", order=700
    )
