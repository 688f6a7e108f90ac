"""« Dispositifs »: the listing, the measure page with its audiences and acronyms, the
topic-page section, the editor's form, and the demo loader."""

import re

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.core.demo_builders import DemoContext, child_page, load_data
from cms.core.related import sections_for
from cms.measures import demo
from cms.measures.models import MeasureIndexPage, MeasurePage
from cms.programme.models import GlossaryTerm, Topic

pytestmark = pytest.mark.django_db

DSFR_HEADER = '<header role="banner" class="fr-header">'


@pytest.fixture
def measures_index(home_page):
    return child_page(
        home_page,
        MeasureIndexPage,
        "dispositifs",
        title="Dispositifs",
        introduction="Les outils du programme.",
    )


def _measure(index, slug, title, **fields):
    fields.setdefault("tagline", f"À quoi sert {title}")
    return child_page(index, MeasurePage, slug, title=title, **fields)


def test_listing_shows_measures_in_tree_order_with_tagline_and_audiences(client, measures_index):
    _measure(
        measures_index,
        "ort",
        "Opérations de revitalisation de territoire (ORT)",
        tagline="Lutter contre la dévitalisation des centres villes",
        audiences=["communes-et-intercommunalites", "residents-et-visiteurs"],
    )
    _measure(measures_index, "design-actif", "Design actif")
    measures_index.add_child(
        instance=MeasurePage(
            title="Brouillon", slug="brouillon", tagline="Pas encore publié", live=False
        )
    )
    response = client.get("/dispositifs/")
    html = response.content.decode()
    assert response.status_code == 200
    assert DSFR_HEADER in html
    titles = re.findall(r'class="fr-card__title"><a href="[^"]+">([^<]+)</a>', html)
    assert titles == ["Opérations de revitalisation de territoire (ORT)", "Design actif"]
    assert "Lutter contre la dévitalisation des centres villes" in html
    assert "Pour : communes et intercommunalités, résidents et visiteurs" in html
    assert '<p role="status">2 dispositifs</p>' in html


def test_measure_page_shows_tagline_audiences_body_acronyms_and_topics(
    client, measures_index, programme
):
    page = _measure(
        measures_index,
        "ort",
        "Opérations de revitalisation de territoire (ORT)",
        tagline="Lutter contre la dévitalisation des centres villes",
        audiences=[
            "promoteurs-immobiliers-et-bailleurs",
            "communes-et-intercommunalites",
            "valeur-inconnue",
        ],
        body=[{"type": "paragraph", "value": "<p>Un contrat intégrateur unique.</p>"}],
        acronyms=list(GlossaryTerm.objects.filter(acronym__in=["ORT", "CPER"])),
        topics=[Topic.objects.get(slug="habitat")],
    )
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert DSFR_HEADER in html
    assert "<h1>Opérations de revitalisation de territoire (ORT)</h1>" in html
    assert '<p class="fr-text--lead">Lutter contre la dévitalisation des centres villes</p>' in html
    # Audiences come in the programme's order; unknown values are not shown.
    assert re.search(
        r"<li>Communes et intercommunalités</li>\s*<li>Promoteurs immobiliers et "
        r"bailleurs</li>\s*</ul>",
        html,
    )
    assert "valeur-inconnue" not in html
    assert "Un contrat intégrateur unique." in html
    assert '<h2 class="fr-mt-6w">Sigles</h2>' in html
    assert re.search(r"<dt[^>]*>CPER</dt><dd[^>]*>Contrat de plan État-Région</dd>", html)
    assert re.search(
        r"<dt[^>]*>ORT</dt><dd[^>]*>Opération de revitalisation de territoire</dd>", html
    )
    assert '<a class="fr-tag" href="/axes/habitat/">Habitat</a>' in html


def test_topic_pages_get_a_measures_section(measures_index, programme):
    habitat = Topic.objects.get(slug="habitat")
    _measure(measures_index, "ort", "ORT", topics=[habitat])
    _measure(measures_index, "autre", "Autre dispositif")
    [section] = [s for s in sections_for("topic", habitat) if s.title == "Dispositifs"]
    assert [page.title for page in section.items] == ["ORT"]
    assert section.item_template == "measures/includes/measure_card.html"


def test_editors_choose_audiences_among_the_programme_targets(measures_index):
    form_class = MeasurePage.get_edit_handler().get_form_class()
    field = form_class(parent_page=measures_index).fields["audiences"]
    assert [label for _, label in field.choices] == [
        "Communes et intercommunalités",
        "Commerces et activités économiques et de services",
        "Propriétaires et locataires en centre-ville",
        "Promoteurs immobiliers et bailleurs",
        "Résidents et visiteurs",
    ]
    assert field.widget.input_type == "checkbox"


def test_demo_loads_the_seven_measures_once(client, home_page, programme):
    demo.load_demo(DemoContext(home=home_page))
    demo.load_demo(DemoContext(home=home_page))
    measures = MeasurePage.objects.live().order_by("path")
    data = load_data(demo.__file__, "measures")
    assert len(data["measure"]) == 7
    assert [page.slug for page in measures] == [measure["slug"] for measure in data["measure"]]
    assert all(page.audiences and page.body and page.listing_image_id for page in measures)
    assert MeasureIndexPage.objects.count() == 1
    ort = measures.first()
    assert {term.acronym for term in ort.acronyms.all()} >= {"ORT", "ORQAD", "CPER"}
    for url in ["/dispositifs/", *(page.url for page in measures)]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert DSFR_HEADER.encode() in response.content, url
    html = client.get(ort.url).content.decode()
    for term in ort.acronyms.all():
        assert term.acronym in html
    assert html.count('class="cdv-richtext"') >= 1


def test_editors_create_a_measure_with_its_audiences(admin_client, measures_index, programme):
    ort = GlossaryTerm.objects.get(acronym="ORT")
    data = nested_form_data(
        {
            "title": "Opérations de revitalisation de territoire (ORT)",
            "slug": "ort",
            "tagline": "Lutter contre la dévitalisation des centres villes",
            "summary": "",
            "listing_image_alt": "",
            "body": streamfield(
                [("paragraph", rich_text("<p>Un contrat intégrateur unique.</p>"))]
            ),
            "action-publish": "publish",
        }
    )
    # Multiple-choice fields go as repeated keys, outside nested_form_data's flattening.
    data["audiences"] = ["communes-et-intercommunalites", "residents-et-visiteurs"]
    data["acronyms"] = [ort.pk]
    data["topics"] = [Topic.objects.get(slug="habitat").pk]
    url = reverse("wagtailadmin_pages:add", args=["measures", "measurepage", measures_index.pk])
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    page = MeasurePage.objects.get(slug="ort")
    assert page.live
    assert page.audiences == ["communes-et-intercommunalites", "residents-et-visiteurs"]
    assert list(page.acronyms.all()) == [ort]


def test_unknown_audiences_are_refused_by_the_form(admin_client, measures_index):
    url = reverse("wagtailadmin_pages:add", args=["measures", "measurepage", measures_index.pk])
    response = admin_client.post(
        url,
        {
            "title": "Essai",
            "slug": "essai",
            "tagline": "Essai",
            "audiences": ["tout-le-monde"],
            "body-count": "0",
        },
    )
    assert response.status_code == 200
    assert "audiences" in response.context["form"].errors
