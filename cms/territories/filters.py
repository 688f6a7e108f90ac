"""The filters of the town list, read strictly from the query string.

Unknown values never fail: they are dropped and reported in a French notice, so a stale or
hand-edited URL still shows towns and tells the visitor why a filter was ignored.
"""

from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.http import QueryDict

from .models import Department, Region, Town

MAX_QUERY_LENGTH = 100


@dataclass
class TownFilters:
    region: Region | None = None
    department: Department | None = None
    query: str = ""
    notices: list[str] = field(default_factory=list)
    # Set when the department is not in the region: no town can match both.
    mismatch: str = ""

    @property
    def active(self) -> bool:
        return bool(self.region or self.department or self.query)

    @classmethod
    def from_query(cls, params: QueryDict, regions: list[Region]) -> "TownFilters":
        """`regions` come with their departments prefetched; no query is made here."""
        filters = cls(query=params.get("q", "").strip()[:MAX_QUERY_LENGTH])
        region_code = params.get("region", "").strip()
        department_code = params.get("departement", "").strip().upper()
        by_code = {region.code: region for region in regions}
        departments = {dep.code: dep for region in regions for dep in region.departments.all()}
        if region_code:
            filters.region = by_code.get(region_code)
            if filters.region is None:
                filters.notices.append(
                    f"La région demandée (code « {region_code[:10]} ») n’existe pas : "
                    "ce filtre a été ignoré."
                )
        if department_code:
            filters.department = departments.get(department_code)
            if filters.department is None:
                filters.notices.append(
                    f"Le département demandé (code « {department_code[:10]} ») n’existe pas : "
                    "ce filtre a été ignoré."
                )
        if (
            filters.region
            and filters.department
            and filters.department.region_id != filters.region.pk
        ):
            filters.mismatch = (
                f"Le département {filters.department.name} ({filters.department.code}) "
                f"ne fait pas partie de la région {filters.region.name} : aucune ville ne "
                "peut correspondre aux deux. Choisissez un département de cette région, "
                "ou retirez l’un des deux filtres."
            )
        return filters

    def apply(self, towns: QuerySet[Town]) -> QuerySet[Town]:
        if self.mismatch:
            return towns.none()
        if self.region:
            towns = towns.filter(department__region=self.region)
        if self.department:
            towns = towns.filter(department=self.department)
        if self.query:
            towns = towns.matching(self.query)
        return towns
