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


def test_a_nul_in_a_label_does_not_shift_the_options():
    # The options are escaped together, joined by NUL: a label holding one falls back to
    # escaping them one by one.
    choices = [("a", "A\0<b>"), ("b", "B & co")]
    rendered = FastSelect(choices=choices).render("x", "b", {})
    assert '<option value="a">A\0&lt;b&gt;</option>' in rendered
    assert '<option value="b" selected>B &amp; co</option>' in rendered
