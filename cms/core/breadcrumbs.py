"""A breadcrumb trail item, shared by Wagtail pages and plain Django views."""

from typing import NamedTuple


class Crumb(NamedTuple):
    title: str
    url: str
