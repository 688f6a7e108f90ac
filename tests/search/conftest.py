"""A fake source of documents (as a community app would register) and an index holding them."""

import datetime

import pytest

from search import audiences, registry
from search.backends import get_backend
from search.documents import MEMBERS, SearchDocument, group_audience

BRETAGNE = "Bretagne"
CENTRE = "Centre-Val de Loire"

DOCUMENTS = [
    SearchDocument(
        key="fake:friches",
        type="guide",
        title="Reconvertir les friches commerciales",
        url="/guides/friches/",
        summary="Comment rendre vie aux locaux vides du centre-ville.",
        text="Les friches commerciales pèsent sur l’attractivité. Ce guide explique comment "
        "les communes rachètent et transforment les friches en logements.",
        date=datetime.date(2024, 3, 1),
        axes=("Économie et commerce",),
        region=BRETAGNE,
        department="Côtes-d’Armor (22)",
        town="22278",
        town_name="Saint-Brieuc",
        tags=("friche", "commerce"),
    ),
    SearchDocument(
        key="fake:equipements",
        type="retour-experience",
        title="Vierzon rénove ses équipements sportifs",
        url="/retours-d-experience/vierzon/",
        text="De nouveaux équipements publics au cœur de la ville : gymnase et piscine.",
        date=datetime.date(2023, 6, 1),
        axes=("Équipements et services publics",),
        region=CENTRE,
        department="Cher (18)",
        town="18279",
        town_name="Vierzon",
    ),
    SearchDocument(
        key="fake:ort-guide",
        type="guide",
        title="Comprendre l’opération de revitalisation de territoire",
        url="/guides/comprendre/",
        text="Créée par la loi ELAN, l’opération de revitalisation de territoire donne des "
        "outils juridiques aux communes.",
        date=datetime.date(2022, 1, 10),
        region=BRETAGNE,
    ),
    SearchDocument(
        key="fake:ort-news",
        type="actualite",
        title="Trois communes signent leur ORT",
        url="/actualites/ort/",
        text="Les conventions ORT ont été signées ce mois-ci.",
        date=datetime.date(2024, 9, 5),
        region=CENTRE,
    ),
    SearchDocument(
        key="fake:town-chalon",
        type="ville",
        title="Chalon-sur-Saône",
        url="/villes/chalon-sur-saone/",
        text="CA Le Grand Chalon",
        region="Bourgogne-Franche-Comté",
        department="Saône-et-Loire (71)",
        town="71076",
        town_name="Chalon-sur-Saône",
    ),
    SearchDocument(
        key="fake:chalon-study",
        type="retour-experience",
        title="Chalon-sur-Saône : une friche devient un quartier",
        url="/retours-d-experience/chalon/",
        text="À Chalon-sur-Saône, sur les bords de Saône, la friche industrielle accueille "
        "logements et commerces. Chalon-sur-Saône montre la voie.",
        date=datetime.date(2021, 5, 1),
        region="Bourgogne-Franche-Comté",
        town="71076",
        town_name="Chalon-sur-Saône",
    ),
    SearchDocument(
        key="fake:town-saint-die",
        type="ville",
        title="Saint-Dié-des-Vosges",
        url="/villes/saint-die-des-vosges/",
        region="Grand Est",
        town="88413",
        town_name="Saint-Dié-des-Vosges",
    ),
    SearchDocument(
        key="fake:group-post",
        type="message-forum",
        title="Friches zanzibariennes : retour du groupe",
        url="/forum/sujet/secret/",
        text="Entre nous : la friche zanzibarienne de la gare sera rachetée par l’EPF.",
        date=datetime.date(2024, 10, 1),
        region="Occitanie",
        tags=("confidentiel",),
        audience=group_audience(7),
    ),
    SearchDocument(
        key="fake:members-post",
        type="message-forum",
        title="Annuaire des chefs de projet friches",
        url="/forum/sujet/membres/",
        text="Liste réservée aux membres : friches et contacts quiproquonesques.",
        date=datetime.date(2024, 10, 2),
        region="Normandie",
        audience=MEMBERS,
    ),
]


class FakeCommunitySource:
    name = "tests.fake"
    types = {"message-forum": "Message du forum"}
    models = ()

    def documents(self):
        return iter(DOCUMENTS)

    def document_for(self, obj):
        return None

    def key_for(self, obj):
        return ""

    def affected(self, obj):
        return [obj]


@pytest.fixture
def fake_source():
    source = FakeCommunitySource()
    registry.register(source)
    yield source
    registry.unregister(source.name)


@pytest.fixture
def group_resolver():
    """Members of group 7 (users whose e-mail starts with « g7 ») and every signed-in
    member, as the community app would say."""

    def resolver(user):
        found = {MEMBERS}
        if user.email.startswith("g7"):
            found.add(group_audience(7))
        return found

    audiences.register(resolver)
    yield resolver
    audiences.unregister(resolver)


@pytest.fixture
def indexed(db, programme, fake_source):
    """The fake documents in the index (and the glossary for acronyms)."""
    get_backend().rebuild(iter(DOCUMENTS))
    return DOCUMENTS
