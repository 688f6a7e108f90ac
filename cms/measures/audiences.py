"""Who a measure is for: the programme's « cibles des mesures » (programme.json)."""

from functools import cache

from django.utils.text import capfirst, slugify

from cms.programme.loading import read_programme


@cache
def audience_choices() -> list[tuple[str, str]]:
    """(key, label) pairs, in the programme's order; the key is the slugified label."""
    items = read_programme()["cibles_des_mesures"]["items"]
    return [(slugify(item), capfirst(item)) for item in items]


def audience_labels(keys: list[str]) -> list[str]:
    """Labels for the given keys, in the programme's order; unknown keys are dropped."""
    return [label for key, label in audience_choices() if key in keys]
