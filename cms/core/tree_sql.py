"""Tree conditions with their values written into the SQL, not sent as parameters.

PostgreSQL runs each query the portal repeats as a prepared statement (`prepare_threshold`
in the settings): after five runs it plans it once for any parameter values (its generic
plan). Such a plan cannot know how many pages `path LIKE $1` keeps: it guesses a handful
where a listing's place keeps hundreds, and the plan of the filtered case-study listing's
cards, built on that guess, read all 600 case studies through an unindexed join (3 to 5 ms
instead of 0.2 ms). With the listing's path and depth written into the SQL, the plan is made
for that place: one prepared statement per listing, and there are a handful.

Only values of the tree itself go there, checked before: a path is made of Wagtail's
alphabet (`0-9A-Z`), a depth is an integer. Never a value from a request.
"""

import re
from typing import Any

from django.db.models import F, Lookup

_TREE_PATH = re.compile(r"[0-9A-Z]+")


class _WrittenLookup(Lookup):
    """A comparison of a column with a tree value, written into the SQL (`sql` formats it)."""

    prepare_rhs = False
    sql = ""

    def __init__(self, column: str, value: Any) -> None:
        super().__init__(F(column), value)

    def written(self) -> str:
        raise NotImplementedError

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        lhs, parameters = self.process_lhs(compiler, connection)
        # `%%`: the SQL still goes through the driver's `%s` formatting.
        return self.sql.format(column=lhs, value=self.written()), list(parameters)


class PathStartsWith(_WrittenLookup):
    """`path` starts with a tree path: `path LIKE '00010002%'`."""

    lookup_name = "tree_startswith"
    sql = "{column} LIKE '{value}%%'"

    def written(self) -> str:
        if not (isinstance(self.rhs, str) and _TREE_PATH.fullmatch(self.rhs)):
            raise ValueError(f"Not a tree path: {self.rhs!r}")
        return self.rhs


class DepthIs(_WrittenLookup):
    """`depth` equals a tree depth: `depth = 4`."""

    lookup_name = "tree_depth"
    sql = "{column} = {value}"

    def written(self) -> str:
        if type(self.rhs) is not int:
            raise ValueError(f"Not a tree depth: {self.rhs!r}")
        return str(self.rhs)


def children_of(path: str, depth: int) -> tuple[PathStartsWith, DepthIs]:
    """The conditions selecting the children of the page at `path` and `depth` (Wagtail's
    `child_of` without its two conditions that add nothing: a depth at least the page's,
    and not the page itself), for `QuerySet.filter(*children_of(…))`."""
    return PathStartsWith("path", path), DepthIs("depth", depth + 1)
