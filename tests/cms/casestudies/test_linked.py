"""A case study's axes and themes, partners and tags, read in compiled queries
(`cms.core.linked`), are those its own managers give, in their order; a preview shows the
ones being edited."""

import pytest
from bs4 import BeautifulSoup
from taggit.models import Tag

from cms.casestudies.models import CaseStudyPage, CaseStudyTag
from cms.core.linked import linked
from cms.programme.models import Partner

pytestmark = pytest.mark.django_db


@pytest.fixture
def study(make_study, towns, topics):
    return make_study(
        title="Niort rénove",
        slug="niort-renove",
        town=towns["niort"],
        # Given out of their order (axes by number, then themes): the page shows it.
        topics=[topics["innovation"], topics["habitat"], topics["economie-et-commerce"]],
        financing_partners=list(Partner.objects.filter(slug__in=["anah", "al"])),
        tag_names=("zèbre", "abeille", "opah-ru"),
    )


def _tags(response):
    page = BeautifulSoup(response.content, "html.parser")
    return [a.get_text() for a in page.select('[aria-labelledby="mots-cles-titre"] a')]


def test_same_objects_and_order_as_the_managers(study):
    page = CaseStudyPage.objects.get(pk=study.pk)
    for name in ("topics", "financing_partners", "tags"):
        for _ in range(2):  # compiled on the first read, reused on the second
            assert linked(page, name) == list(getattr(page, name).all()), name
    assert [tag.name for tag in linked(page, "tags")] == ["zèbre", "abeille", "opah-ru"]
    assert len(linked(page, "topics")) == 3
    assert len(linked(page, "financing_partners")) == 2


def test_each_page_reads_its_own(study, make_study, towns, topics):
    other = make_study(town=towns["albi"], topics=[topics["habitat"]], tag_names=("autre",))
    assert [t.slug for t in linked(CaseStudyPage.objects.get(pk=other.pk), "topics")] == ["habitat"]
    assert [t.name for t in linked(CaseStudyPage.objects.get(pk=other.pk), "tags")] == ["autre"]
    assert linked(CaseStudyPage.objects.get(pk=other.pk), "financing_partners") == []


def test_served_page_shows_them(client, settings, study):
    settings.FRAGMENT_CACHE_ENABLED = False
    response = client.get("/retours-d-experience/niort-renove/")
    assert _tags(response) == ["zèbre", "abeille", "opah-ru"]


def test_preview_shows_the_links_being_edited(study):
    page = CaseStudyPage.objects.get(pk=study.pk)
    page.tagged_items = [
        CaseStudyTag(tag=Tag.objects.get_or_create(name="brouillon", slug="brouillon")[0])
    ]
    response = page.make_preview_request()
    assert _tags(response) == ["brouillon"]


def _being_created(page, parent):
    """`page` as Wagtail's preview of a page being created builds it (`PreviewOnCreateView`):
    placed under `parent`, never saved, so without an id."""
    page.depth = parent.depth + 1
    page.path = parent.get_last_child()._inc_path()
    page.set_url_path(parent)
    return page


def test_preview_of_a_case_study_being_created(study, index, towns, topics):
    """Its related case studies exclude its own id, None: `IS NULL` in SQL, no parameter a
    compiled query could take (it failed with a TypeError)."""
    page = _being_created(
        CaseStudyPage(title="Projet en cours d’écriture", slug="brouillon", town=towns["niort"]),
        index,
    )
    page.topics = [topics["habitat"]]
    response = page.make_preview_request()
    assert response.status_code == 200
    html = response.content.decode()
    assert "Projet en cours d’écriture" in html
    assert "/retours-d-experience/niort-renove/" in html  # same town: a related case study
