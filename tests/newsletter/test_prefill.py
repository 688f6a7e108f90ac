"""Pre-filled sections from the portal's pages, and their order per subscriber."""

import datetime
import email
from email import policy

import pytest
from django.utils import timezone

from newsletter import sending
from newsletter.models import Issue
from newsletter.prefill import prefill
from tests.cms.casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory

from .conftest import make_subscribers

pytestmark = pytest.mark.django_db


@pytest.fixture
def studies(home_page, territories, programme):
    from cms.programme.models import Topic
    from cms.territories.models import Town

    index = CaseStudyIndexPageFactory(parent=home_page)
    town = Town.objects.get(slug="albi")
    topics = {t.slug: t for t in Topic.objects.all()}
    recent = timezone.localdate() - datetime.timedelta(days=3)

    def study(title: str, slug: str, topic: str, published_on=recent):
        page = CaseStudyPageFactory(parent=index, title=title, town=town, published_on=published_on)
        page.topics.set([topics[topic]])
        page.save_revision().publish()
        return page

    return {
        "commerce": study("Une halle rénovée", "halle", "economie-et-commerce"),
        "habitat": study("Des logements au-dessus des commerces", "logements", "habitat"),
        "innovation": study("Un tiers-lieu numérique", "tiers-lieu", "innovation"),
        "old": study("Un ancien projet", "ancien", "habitat", recent - datetime.timedelta(days=90)),
        "topics": topics,
    }


def test_prefill_takes_new_case_studies_and_innovations(studies):
    issue = prefill(Issue(title="Essai", slug="essai"))
    projects = [block.value["page"].pk for block in issue.projects]
    innovations = [block.value["page"].pk for block in issue.innovations]
    assert set(projects) == {studies["commerce"].pk, studies["habitat"].pk}
    assert innovations == [studies["innovation"].pk]


def test_page_items_link_to_the_page_and_follow_the_subscribers_topics(studies, smtpd):
    issue = prefill(Issue(title="Essai", slug="essai"))
    issue.save()
    first_title = issue.projects[0].value["page"].title
    (plain, fan) = make_subscribers(2)
    fan_topic = (
        studies["habitat"] if first_title != studies["habitat"].title else studies["commerce"]
    )
    slug = "habitat" if fan_topic is studies["habitat"] else "economie-et-commerce"
    fan.topics.set([studies["topics"][slug]])
    sending.start_send(issue.pk)
    texts = {}
    for _, rcpts, raw in smtpd.messages:
        message = email.message_from_bytes(raw, policy=policy.default)
        texts[rcpts[0]] = message.get_body(("plain",)).get_content()
    plain_text, fan_text = texts[plain.email], texts[fan.email]
    # The editor's order for everyone else; the subscriber's topic first for the fan.
    assert plain_text.index(first_title) < plain_text.index(fan_topic.title)
    assert fan_text.index(fan_topic.title) < fan_text.index(first_title)
    assert "http://localhost/retours-d-experience/" in plain_text


def test_community_moves_list_who_arrived_and_who_left_the_directory(db):
    from community.directory.models import DirectoryEntry

    today = timezone.localdate()
    DirectoryEntry.objects.create(
        first_name="Claire",
        last_name="Arrivant",
        role="directeur-projet",
        organisation="Ville d’Albi",
        mandate_start=today - datetime.timedelta(days=5),
    )
    DirectoryEntry.objects.create(
        first_name="Marc",
        last_name="Partant",
        role="directeur-projet",
        organisation="Ville de Niort",
        mandate_start=today - datetime.timedelta(days=900),
        mandate_end=today - datetime.timedelta(days=2),
    )
    DirectoryEntry.objects.create(
        first_name="Ancien",
        last_name="Mandat",
        role="directeur-projet",
        organisation="Ville de Dole",
        mandate_start=today - datetime.timedelta(days=400),
    )
    issue = prefill(Issue(title="Essai", slug="essai"))
    titles = [block.value["title"] for block in issue.community_moves]
    assert len(titles) == 2
    assert titles[0].startswith("Arrivée : Claire Arrivant")
    assert titles[1].startswith("Départ : Marc Partant")
    assert issue.community_moves[0].value["url"].startswith("/annuaire/")
