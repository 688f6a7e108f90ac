"""The towns in the Wagtail admin: listed with their geography, filtered by region and
department, searched by name with or without accents."""

import django_filters
from django.db.models import QuerySet
from django.http import HttpRequest
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Department, Region, Town


class TownFilterSet(WagtailFilterSet):
    region = django_filters.ModelChoiceFilter(
        label="Région", field_name="department__region", queryset=Region.objects.all()
    )
    department = django_filters.ModelChoiceFilter(
        label="Département", queryset=Department.objects.all()
    )
    convention_pending = django_filters.BooleanFilter(
        label="Convention en cours de signature",
        field_name="convention_signed_on",
        lookup_expr="isnull",
    )

    class Meta:
        model = Town
        fields = ["region", "department", "convention_pending"]


class TownViewSet(SnippetViewSet):
    model = Town
    icon = "site"
    menu_label = "Villes"
    list_per_page = 50
    list_display = [
        "name",
        Column("department", label="Département"),
        Column("region", label="Région"),
        Column("population", label="Population"),
        DateColumn("convention_signed_on", label="Convention signée le"),
    ]
    filterset_class = TownFilterSet
    # Towns are written in bulk by the loader, outside the search index: search the table.
    search_backend_name = None
    search_fields = ["search_name", "name", "territory_name", "epci_name", "insee_code"]
    ordering = ["search_name"]
    inspect_view_enabled = True

    def get_queryset(self, request: HttpRequest) -> QuerySet[Town]:
        return Town.objects.with_geography()
