"""What editors get in Wagtail: grouped panels, page-type rules and search."""

import pytest

from cms.resources.models import ResourceIndexPage, ResourcePage

from .factories import make_index, make_resource

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        email="redaction@example.org", password="mot-de-passe-solide"
    )
    client.force_login(user)
    return client


def test_add_form_groups_the_panels_in_french_tabs(editor_client, home_page, programme):
    index = make_index(home_page)
    response = editor_client.get(f"/admin/pages/add/resources/resourcepage/{index.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    for tab in ("Contenu", "Présentation et référencement", "Dates et classement"):
        assert tab in html
    for label in (
        "Type de ressource",
        "Chapô",
        "Axes, thèmes et mots-clés",
        "Mots-clés",
        "Date de publication",
    ):
        assert label.lower() in html.lower()


def test_edit_form_and_preview_render(editor_client, home_page, programme):
    page = make_resource(make_index(home_page), "Fiche à relire", tags=["ORT"])
    assert editor_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    preview = page.make_preview_request()
    assert preview.status_code == 200
    assert "<h1>Fiche à relire</h1>" in preview.render().content.decode()


def test_page_type_rules():
    assert ResourcePage.parent_page_types == ["resources.ResourceIndexPage"]
    assert ResourcePage.subpage_types == []
    assert ResourceIndexPage.subpage_types == ["resources.ResourcePage"]
    assert ResourcePage.can_exist_under(ResourceIndexPage())
    assert not ResourcePage.can_exist_under(ResourcePage())


def test_resources_are_searchable_by_title_summary_and_body(home_page):
    index = make_index(home_page)
    make_resource(
        index,
        "Les trois périmètres",
        summary="Le bassin de vie et l’EPCI.",
        body=[{"type": "paragraph", "value": "<p>Secteurs d’intervention.</p>"}],
    )
    make_resource(index, "Baromètre de l’immobilier", summary="Les marchés immobiliers.")
    assert [p.title for p in ResourcePage.objects.live().search("périmètres")] == [
        "Les trois périmètres"
    ]
    assert [p.title for p in ResourcePage.objects.live().search("immobiliers")] == [
        "Baromètre de l’immobilier"
    ]
    assert [p.title for p in ResourcePage.objects.live().search("intervention")] == [
        "Les trois périmètres"
    ]


def test_preview_of_a_resource_being_created(home_page, programme):
    """Its related resources exclude its own id, None (`IS NULL` in SQL): the compiled query
    runs as Django runs it instead of failing."""
    from cms.programme.models import Topic

    index = make_index(home_page)
    habitat = Topic.objects.get(slug="habitat")
    make_resource(index, "Guide voisin", topics=[habitat])
    page = ResourcePage(title="Fiche en cours d’écriture", slug="brouillon", summary="Résumé.")
    page.depth = index.depth + 1
    page.path = index.get_last_child()._inc_path()
    page.set_url_path(index)
    page.topics = [habitat]
    response = page.make_preview_request()
    assert response.status_code == 200
    html = response.content.decode()
    assert "Fiche en cours d’écriture" in html
    assert "Guide voisin" in html
