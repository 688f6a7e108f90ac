"""The fast select writes the markup Django's select writes, escaped the same way."""

import pytest
from django import forms
from django.test.html import parse_html

from cms.core.widgets import FastSelect

CHOICES = [
    ("", "Toutes les villes"),
    ("Axes", [("habitat", "Habitat"), ("a&b", 'Commerce <b>"gare"</b>')]),
    ("saint-lo", "Saint-Lô"),
]


@pytest.mark.parametrize("value", ["", "habitat", "a&b", "saint-lo", None, "inconnue"])
def test_same_markup_as_djangos_select(value):
    attrs = {"id": "filtre-ville"}
    django_select = forms.Select(attrs={"class": "fr-select"}, choices=CHOICES)
    fast_select = FastSelect(attrs={"class": "fr-select"}, choices=CHOICES)
    expected = django_select.render("ville", value, attrs)
    rendered = fast_select.render("ville", value, attrs)
    assert parse_html(rendered) == parse_html(expected)
    assert "<b>" not in rendered
