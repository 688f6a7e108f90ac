import pytest

from cms.casestudies import demo
from cms.casestudies.models import CaseStudyIndexPage, CaseStudyPage
from cms.core.demo_builders import DemoContext, load_data
from cms.programme.models import Topic


@pytest.mark.django_db
def test_demo_loader_is_idempotent_and_covers_the_programme(
    client, home_page, programme, territories
):
    demo.load_demo(DemoContext(home=home_page))
    demo.load_demo(DemoContext(home=home_page))

    assert CaseStudyIndexPage.objects.count() == 1
    studies = list(CaseStudyPage.objects.live().select_related("town__department__region"))
    assert len(studies) >= 12
    assert len({study.town.department.region.code for study in studies}) >= 8
    used_topics = set(
        Topic.objects.filter(
            pk__in=CaseStudyPage.topics.through.objects.values("topic_id")
        ).values_list("kind", "number")
    )
    assert len([kind for kind, _ in used_topics if kind == "axe"]) == 5
    assert len([kind for kind, _ in used_topics if kind == "theme"]) == 3
    for study in studies:
        assert study.summary, study.slug
        assert study.outcomes, study.slug
        assert study.listing_image_id, study.slug
        assert len(study.body) >= 3, study.slug
        assert study.phase_id, study.slug
        assert study.financing_partners.exists(), study.slug
        assert study.tags.exists(), study.slug

    assert len(studies) == len(load_data(demo.__file__, "casestudies")["study"])
    response = client.get("/retours-d-experience/")
    assert response.status_code == 200
    assert response.content.decode().count('class="fr-card ') >= 6
    for study in studies:
        page = client.get(study.url)
        assert page.status_code == 200, study.url
        html = page.content.decode()
        assert html.count("<h1") == 1, study.url
        assert f"{study.town.name} en chiffres" in html or not study.town.population
    tagged = client.get("/retours-d-experience/?tag=reinventons-nos-coeurs-de-ville")
    assert "ce filtre a été ignoré" not in tagged.content.decode()
