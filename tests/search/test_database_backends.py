"""The database backend in use (PostgreSQL or SQLite: the suite runs on both) finds French
words whatever their form, acronyms both ways, towns as typed, and counts facets."""

import pytest

from search.audiences import audiences_for
from search.backends import SearchRequest, get_backend
from search.documents import MEMBERS, PUBLIC, SearchDocument, group_audience
from search.query import parse

pytestmark = pytest.mark.django_db
PUBLIC_ONLY = frozenset({PUBLIC})


def search(query, audiences=PUBLIC_ONLY, **options):
    return get_backend().search(SearchRequest(parse(query), audiences, **options))


def keys(results):
    return [hit.key for hit in results.hits]


def test_singular_finds_plural_and_plain_letters_find_accents(indexed):
    assert "fake:friches" in keys(search("friche"))
    assert "fake:chalon-study" in keys(search("friches"))
    assert keys(search("equipement")) == ["fake:equipements"]
    assert keys(search("ÉQUIPEMENTS")) == ["fake:equipements"]


def test_acronym_finds_its_expansion_and_the_other_way_round(indexed):
    assert set(keys(search("ORT"))) == {"fake:ort-guide", "fake:ort-news"}
    assert set(keys(search("opération de revitalisation de territoire"))) == {
        "fake:ort-guide",
        "fake:ort-news",
    }
    assert set(keys(search("operations de revitalisation du territoire"))) >= {"fake:ort-news"}


def test_town_names_match_without_accents_or_hyphens_and_the_town_comes_first(indexed):
    for typed in ("chalon sur saone", "Chalon-sur-Saône", "CHALON SUR SAÔNE"):
        found = keys(search(typed))
        assert found[0] == "fake:town-chalon", typed
        assert "fake:chalon-study" in found
    assert keys(search("st die des vosges"))[0] == "fake:town-saint-die"
    assert keys(search("saint-die"))[0] == "fake:town-saint-die"


def test_snippets_highlight_the_matched_words_and_escape_the_text(indexed):
    hit = search("equipements").hits[0]
    assert "<mark>équipements</mark>" in hit.snippet
    get_backend().index(
        [
            SearchDocument(
                key="fake:html",
                type="guide",
                title="Balises",
                url="/b/",
                text='Une <script>alert("x")</script> balise gymnastique & co',
            )
        ]
    )
    snippet = search("gymnastique").hits[0].snippet
    assert "<script" not in snippet
    assert "<mark>gymnastique</mark>" in snippet


def test_facets_count_the_matching_documents(indexed):
    results = search("friche")
    assert results.total == 2
    counts = {(f, v.value): v.count for f, values in results.facets.items() for v in values}
    assert counts[("type", "guide")] == 1
    assert counts[("type", "retour-experience")] == 1
    assert counts[("region", "Bretagne")] == 1
    assert counts[("tag", "friche")] == 1
    assert counts[("year", "2024")] == 1
    town = next(v for v in results.facets["town"] if v.value == "71076")
    assert town.label == "Chalon-sur-Saône"
    assert next(v for v in results.facets["type"] if v.value == "guide").label == "Guide"


def test_filters_narrow_results_and_combine(indexed):
    assert keys(search("friche", filters={"region": ["Bretagne"]})) == ["fake:friches"]
    assert search("friche", filters={"region": ["Bretagne", "Bourgogne-Franche-Comté"]}).total == 2
    assert search("friche", filters={"region": ["Bretagne"], "year": ["2021"]}).total == 0
    assert search("friche", filters={"axis": ["n’existe pas"]}).total == 0
    assert search("ORT", filters={"type": ["actualite"]}).total == 1


def test_sort_by_date_puts_the_newest_first(indexed):
    assert keys(search("ORT", sort="date")) == ["fake:ort-news", "fake:ort-guide"]


def test_phrases_and_exclusions(indexed):
    assert keys(search('"friches commerciales"')) == ["fake:friches"]
    assert "fake:chalon-study" not in keys(search("friche -industrielle"))
    assert "fake:friches" in keys(search("friche -industrielle"))


@pytest.mark.parametrize(
    "hostile",
    ['"', "-", "*", ":", "(", ")", "'", "\x00friche", "٣", "a" * 2000, "-friche", '"" -', "&|!<>"],
)
def test_query_syntax_characters_never_fail(indexed, hostile):
    results = search(hostile)
    assert results.total >= 0


def test_spelling_suggestion_for_a_misspelt_word(indexed):
    results = search("frcihes")
    assert results.total == 0
    assert results.suggestion == "friches"


def test_deindexing_removes_a_document_and_its_words(indexed):
    get_backend().remove(["fake:equipements"])
    assert search("equipements").total == 0
    assert search("gymnase").suggestion is None


def test_autocomplete_completes_titles_from_the_first_letters(indexed):
    hits = get_backend().autocomplete(parse("chal"), PUBLIC_ONLY)
    assert next(hit.title for hit in hits) == "Chalon-sur-Saône"
    assert get_backend().autocomplete(parse("saint die"), PUBLIC_ONLY)[0].title == (
        "Saint-Dié-des-Vosges"
    )


class TestAudiences:
    """Members-only documents never leak to someone outside their audience."""

    def test_outsiders_see_nothing_of_restricted_documents(self, indexed):
        results = search("friches")
        assert "fake:group-post" not in keys(results)
        assert "fake:members-post" not in keys(results)
        assert results.total == 2
        regions = {value.value for value in results.facets["region"]}
        assert "Occitanie" not in regions
        assert "Normandie" not in regions
        assert "confidentiel" not in {value.value for value in results.facets.get("tag", [])}
        assert search("zanzibariennes").total == 0
        assert search("zanzibariennes").suggestion is None
        assert search("zanzibarienes").suggestion is None
        assert search("quiproquonesques").suggestion is None
        titles = [h.title for h in get_backend().autocomplete(parse("friches zan"), PUBLIC_ONLY)]
        assert titles == []
        assert get_backend().autocomplete(parse("annuaire"), PUBLIC_ONLY) == []

    def test_members_see_members_content_but_not_other_groups(self, indexed):
        members = frozenset({PUBLIC, MEMBERS})
        found = keys(search("friches", members))
        assert "fake:members-post" in found
        assert "fake:group-post" not in found
        assert search("friches", members).total == 3

    def test_group_members_see_their_group(self, indexed):
        group = frozenset({PUBLIC, MEMBERS, group_audience(7)})
        results = search("zanzibariennes", group)
        assert keys(results) == ["fake:group-post"]
        assert "<mark>" in results.hits[0].snippet
        assert {v.value for v in results.facets["region"]} == {"Occitanie"}

    def test_resolvers_give_signed_in_users_their_audiences(
        self, indexed, group_resolver, django_user_model
    ):
        from django.contrib.auth.models import AnonymousUser

        outsider = django_user_model.objects.create_user(email="a@example.org", password="x" * 12)
        insider = django_user_model.objects.create_user(email="g7@example.org", password="x" * 12)
        assert audiences_for(AnonymousUser()) == PUBLIC_ONLY
        assert audiences_for(outsider) == {PUBLIC, MEMBERS}
        assert audiences_for(insider) == {PUBLIC, MEMBERS, group_audience(7)}
