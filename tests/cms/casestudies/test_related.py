"""The « Retours d’expérience » sections that town and topic pages show."""

import pytest

from cms.casestudies.models import CaseStudyPage
from cms.core.related import sections_for


@pytest.mark.django_db
def test_town_section_lists_the_towns_published_case_studies(make_study, towns, topics):
    first = make_study(title="Albi, premier projet", town=towns["albi"])
    second = make_study(title="Albi, second projet", town=towns["albi"])
    draft = make_study(title="Albi, brouillon", town=towns["albi"])
    draft.unpublish()
    make_study(title="Foix", town=towns["foix"])

    sections = [s for s in sections_for("town", towns["albi"]) if s.title == "Retours d’expérience"]

    assert len(sections) == 1
    assert {page.pk for page in sections[0].items} == {first.pk, second.pk}
    assert sections[0].more_url == "/retours-d-experience/?ville=albi"
    assert set(CaseStudyPage.objects.published().in_town(towns["albi"])) == {first, second}


@pytest.mark.django_db
def test_town_without_case_studies_gets_no_section(index, towns):
    assert not [
        s for s in sections_for("town", towns["niort"]) if s.title == "Retours d’expérience"
    ]


@pytest.mark.django_db
def test_topic_section_lists_the_latest_case_studies_of_the_axis(make_study, towns, topics):
    tagged = make_study(title="Habitat à Albi", town=towns["albi"], topics=[topics["habitat"]])
    make_study(title="Commerce à Foix", town=towns["foix"], topics=[topics["economie-et-commerce"]])

    sections = [
        s for s in sections_for("topic", topics["habitat"]) if s.title == "Retours d’expérience"
    ]

    assert [page.pk for page in sections[0].items] == [tagged.pk]
    assert sections[0].more_url == "/retours-d-experience/?axe=habitat"
    assert list(CaseStudyPage.objects.published().about(topics["habitat"]).newest_first()[:5]) == [
        tagged
    ]


@pytest.mark.django_db
def test_section_cards_render_with_town_and_year(make_study, towns):
    from django.template.loader import render_to_string

    study = make_study(title="Habitat à Albi", town=towns["albi"], year=2021)
    section = next(
        s for s in sections_for("town", towns["albi"]) if s.title == "Retours d’expérience"
    )

    html = render_to_string(section.item_template, {"item": section.items[0]})

    assert study.title in html
    assert "Albi · 2021" in html
