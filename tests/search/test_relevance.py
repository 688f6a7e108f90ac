"""The relevance set: French queries a visitor would type about the demo content, with the
page that must come in the first three results. Runs on the backend in use (PostgreSQL or
SQLite; Elasticsearch when ELASTICSEARCH_URL is set)."""

import pytest
from django.core.management import call_command
from django.db import transaction

from search import indexing
from search.backends import SearchRequest, get_backend
from search.documents import PUBLIC
from search.query import parse

RELEVANCE_SET = [
    ("friche", "/dispositifs/territoires-pilotes-de-sobriete-fonciere/"),
    ("equipement", "/axes/equipements-et-services-publics/"),
    ("ORT", "/guides/operation-de-revitalisation-de-territoire/"),
    ("ort", "/dispositifs/operations-de-revitalisation-de-territoire/"),
    (
        "opération de revitalisation de territoire",
        "/guides/operation-de-revitalisation-de-territoire/",
    ),
    ("OPAH-RU", "/retours-d-experience/vierzon-opah-ru-centre-ancien/"),
    ("opah ru vierzon", "/retours-d-experience/vierzon-opah-ru-centre-ancien/"),
    ("chalon sur saone", "/villes/chalon-sur-saone/"),
    ("Chalon-sur-Saône", "/villes/chalon-sur-saone/"),
    ("st die des vosges", "/villes/saint-die-des-vosges/"),
    ("st brieuc", "/villes/saint-brieuc/"),
    ("chateauroux", "/villes/chateauroux/"),
    ("niort", "/villes/niort/"),
    ("sobriete fonciere", "/retours-d-experience/niort-place-de-la-breche/"),
    ("quartier de gare", "/retours-d-experience/perigueux-quartier-de-gare/"),
    ("manager de centre-ville", "/retours-d-experience/ajaccio-manager-de-centre-ville/"),
    ("commerçants numérique", "/retours-d-experience/lisieux-commerces-et-numerique/"),
    ("vacance commerciale", "/ressources/etude-vacance-commerciale/"),
    ("convention-cadre", "/guides/convention-cadre-et-fiches-actions/"),
    ("fiches actions", "/guides/convention-cadre-et-fiches-actions/"),
    ("gouvernance", "/guides/roles-de-la-gouvernance/"),
    ("partenaires financeurs", "/guides/engagements-des-partenaires-financeurs/"),
    ("atlas", "/ressources/atlas-action-coeur-de-ville/"),
    ("barometre immobilier", "/ressources/barometre-de-l-immobilier/"),
    ("entrées de ville", "/guides/guide-entrees-de-ville/"),
    ("rencontres regionales", "/ressources/livrets-des-rencontres-regionales/"),
    ("Petites villes de demain", "/ressources/livrets-des-rencontres-regionales/"),
    ("évaluation locale", "/ressources/kit-d-evaluation-locale/"),
    ("reinventons nos coeurs de ville", "/dispositifs/reinventons-nos-coeurs-de-ville/"),
    ("design actif", "/dispositifs/design-actif/"),
    ("Cerema", "/actualites/le-cerema-s-engage-aupres-des-villes-du-programme/"),
    ("habitat", "/axes/habitat/"),
    ("mobilité", "/axes/mobilite/"),
    ("patrimoine espace public", "/axes/espace-public-et-patrimoine/"),
    ("numerique", "/axes/numerique/"),
    ("innovation", "/axes/innovation/"),
    ("périmètres", "/guides/trois-perimetres-imbriques/"),
    ("college mistral", "/retours-d-experience/arles-ancien-college-mistral/"),
    ("bains dunkerquois", "/retours-d-experience/dunkerque-bains-dunkerquois/"),
    ("ilot des lices", "/retours-d-experience/bourg-en-bresse-ilot-des-lices/"),
    ("mentions legales", "/mentions-legales/"),
]


@pytest.fixture(scope="module")
def demo_index(django_db_setup, django_db_blocker):
    """The demo site, indexed once for the module, rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
        indexing.rebuild()
        yield
        transaction.set_rollback(True)


def test_the_set_is_large_enough():
    assert len(RELEVANCE_SET) >= 30


@pytest.mark.django_db
@pytest.mark.parametrize(("query", "expected"), RELEVANCE_SET)
def test_expected_page_in_the_first_three(demo_index, query, expected):
    results = get_backend().search(SearchRequest(parse(query), frozenset({PUBLIC}), limit=3))
    assert expected in [hit.url for hit in results.hits], [hit.url for hit in results.hits]


# The community's documents (forum topics and replies, calls, working groups): their URLs
# carry database ids, so the expected result is named by its title.
COMMUNITY_SET = [
    ("opah-ru ilots degrades", "Mobiliser l’OPAH-RU sur les îlots dégradés : vos retours ?"),
    ("recenser cellules commerciales vacantes", "Outils pour recenser les cellules commerciales vacantes"),
    ("permanences en pied d'immeuble", "Re : Mobiliser l’OPAH-RU sur les îlots dégradés : vos retours ?"),
    ("réhabiliter logements vacants", "Appel à contributions : réhabiliter les logements vacants du centre"),
    ("enquete vacance commerciale", "Enquête : observer la vacance commerciale"),
]  # fmt: skip


@pytest.mark.django_db
@pytest.mark.parametrize(("query", "expected"), COMMUNITY_SET)
def test_expected_community_document_in_the_first_three(demo_index, query, expected):
    results = get_backend().search(SearchRequest(parse(query), frozenset({PUBLIC}), limit=3))
    assert expected in [hit.title for hit in results.hits], [hit.title for hit in results.hits]


@pytest.mark.django_db
def test_the_demo_members_only_thread_is_not_public(demo_index):
    query = parse("comité de pilotage régional baux commerciaux dérogatoires")
    hits = get_backend().search(SearchRequest(query, frozenset({PUBLIC}), limit=50)).hits
    assert not [hit for hit in hits if "comité de pilotage" in hit.title]
    from django.apps import apps

    from search.documents import group_audience

    group = apps.get_model("groups", "WorkingGroup").objects.get(slug="economie-et-commerce")
    audience = frozenset({PUBLIC, group_audience(group.pk)})
    hits = get_backend().search(SearchRequest(query, audience, limit=3)).hits
    assert [hit.title for hit in hits] == [
        "Re : Préparation du comité de pilotage régional (réservé aux membres)"
    ]
