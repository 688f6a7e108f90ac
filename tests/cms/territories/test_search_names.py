"""Town names as visitors type them: without accents, capitals or hyphens."""

import pytest

from cms.territories.loading import load_territories
from cms.territories.models import Town
from cms.territories.names import normalise_name


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Béziers", "beziers"),
        ("Saint-Dié-des-Vosges", "saint die des vosges"),
        ("L’Isle-d’Abeau", "l isle d abeau"),
        ("Œuilly", "oeuilly"),
        ("  Châlons-en-Champagne ", "chalons en champagne"),
    ],
)
def test_normalise_name(name, expected):
    assert normalise_name(name) == expected


@pytest.mark.django_db
def test_loading_twice_keeps_every_town_searchable(territories):
    load_territories()  # the second run updates the towns in bulk
    assert not Town.objects.filter(search_name="").exists()
    assert Town.objects.matching("chalons").get().name == "Châlons-en-Champagne"
    assert list(Town.objects.matching("pointe a pitre").values_list("name", flat=True)) == [
        "Pointe-à-Pitre"
    ]


@pytest.mark.django_db
def test_towns_sort_by_name_whatever_their_accents(territories):
    names = list(Town.objects.values_list("name", flat=True))
    assert names == sorted(names, key=normalise_name)
    assert names.index("Dzaoudzi") < names.index("Épernay") < names.index("Fécamp")
