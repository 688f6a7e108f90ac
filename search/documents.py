"""The search document: one denormalised record per thing the portal can find.

Sources (see `search.registry`) turn their objects into documents; backends index them.
"""

import datetime
from collections.abc import Iterator
from dataclasses import dataclass, field

PUBLIC = "public"
MEMBERS = "members"


def group_audience(group_id: object) -> str:
    """The audience of one working group's members-only content."""
    return f"group:{group_id}"


# Facet fields, in the order the search page shows them, with their French labels.
FACETS: dict[str, str] = {
    "type": "Type de contenu",
    "axis": "Axe",
    "theme": "Thème",
    "region": "Région",
    "department": "Département",
    "town": "Ville",
    "tag": "Mot-clé",
    "year": "Année",
}


@dataclass(frozen=True)
class SearchDocument:
    """What a backend indexes. `key` is unique across the portal (« page:42 », « town:71076 »).

    - `type`: a slug declared by the source (« guide », « ville », « sujet-forum »);
    - `axes`, `themes`, `tags`, `region`, `department`: display labels (filter values);
    - `town`: the INSEE code, `town_name` its label;
    - `audience`: who may see it: `PUBLIC`, `MEMBERS` or `group_audience(id)`.
    """

    key: str
    type: str
    title: str
    url: str
    text: str = ""
    summary: str = ""
    date: datetime.date | None = None
    axes: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    region: str = ""
    department: str = ""
    town: str = ""
    town_name: str = ""
    tags: tuple[str, ...] = ()
    author: str = ""
    audience: str = PUBLIC
    keywords: tuple[str, ...] = field(default=())

    def facets(self) -> Iterator[tuple[str, str, str]]:
        """(field, value, label) for every facet value of the document."""
        yield "type", self.type, self.type
        for axis in self.axes:
            yield "axis", axis, axis
        for theme in self.themes:
            yield "theme", theme, theme
        if self.region:
            yield "region", self.region, self.region
        if self.department:
            yield "department", self.department, self.department
        if self.town:
            yield "town", self.town, self.town_name or self.town
        for tag in self.tags:
            yield "tag", tag, tag
        if self.date:
            yield "year", str(self.date.year), str(self.date.year)

    def keyword_text(self) -> str:
        """Second-weight text: summary, classification, place and author."""
        return " ".join(
            [
                self.summary,
                *self.axes,
                *self.themes,
                *self.tags,
                self.town_name,
                self.department,
                self.region,
                self.author,
                *self.keywords,
            ]
        )
