"""Working groups: pages, membership, calls for contributions and their questionnaire."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Page

from cms.core.fragments import VERSION_KEY, content_version
from community.forum.models import Topic
from community.groups.models import (
    CallForContributions,
    Membership,
    QuestionnaireField,
    QuestionnairePage,
)
from community.groups.setup import ensure_topic_groups

from .factories import group_with_category

pytestmark = pytest.mark.django_db


def test_reference_data_creates_one_group_and_category_per_axis_and_theme(programme):
    from cms.programme.models import Topic as Axis

    assert ensure_topic_groups() == Axis.objects.count() == 8
    assert ensure_topic_groups() == 0  # idempotent
    for axis in Axis.objects.all():
        assert axis.working_group.category.group_id == axis.working_group.pk


def test_axis_page_shows_its_working_group(programme, client):
    ensure_topic_groups()
    page = client.get("/axes/habitat/").content.decode()
    assert "Le groupe de travail" in page
    assert "/groupes-de-travail/habitat/" in page


def test_join_and_leave_an_open_group(public_group, member, client_for):
    client = client_for(member)
    client.post("/groupes-de-travail/habitat/rejoindre/")
    assert Membership.objects.get(user=member).status == Membership.Status.ACTIVE
    assert "Vous êtes membre" in client.get("/groupes-de-travail/habitat/").content.decode()
    client.post("/groupes-de-travail/habitat/quitter/")
    assert not Membership.objects.exists()


def test_closed_group_needs_a_coordinator_s_approval(world, member, client_for):
    group = world["groups"]["private"]
    group.is_open = False
    group.save()
    client_for(member).post(f"/groupes-de-travail/{group.slug}/rejoindre/")
    request = Membership.objects.get(user=member)
    assert request.status == Membership.Status.PENDING
    # Pending: still not allowed into the members-only forum.
    assert client_for(member).get(group.category.get_absolute_url()).status_code == 404
    # Another member cannot approve; the coordinator can.
    assert (
        client_for(world["group_member"])
        .post(f"/groupes-de-travail/{group.slug}/demandes/{request.pk}/", {"decision": "accept"})
        .status_code
        == 404
    )
    coordinator = client_for(world["coordinator"])
    page = coordinator.get(f"/groupes-de-travail/{group.slug}/").content.decode()
    assert "Demandes d’adhésion" in page
    coordinator.post(
        f"/groupes-de-travail/{group.slug}/demandes/{request.pk}/", {"decision": "accept"}
    )
    request.refresh_from_db()
    assert request.status == Membership.Status.ACTIVE
    assert client_for(member).get(group.category.get_absolute_url()).status_code == 200


def test_members_only_forum_is_announced_but_not_shown(world, client_for):
    group = world["groups"]["private"]
    page = client_for(world["member"]).get(f"/groupes-de-travail/{group.slug}/").content.decode()
    assert "réservé à ses membres" in page
    assert "Sujet réservé" not in page
    page = (
        client_for(world["group_member"]).get(f"/groupes-de-travail/{group.slug}/").content.decode()
    )
    assert "Sujet réservé" in page


@pytest.fixture
def questionnaire(home_page):
    form_page = home_page.add_child(
        instance=QuestionnairePage(title="Questionnaire habitat", slug="questionnaire-habitat")
    )
    QuestionnaireField.objects.create(
        page=form_page, label="Votre ville", field_type="singleline", required=True
    )
    QuestionnaireField.objects.create(
        page=form_page, label="Vos besoins", field_type="multiline", required=True
    )
    return form_page


def test_call_opens_a_forum_topic_and_shows_on_group_and_home_pages(
    public_group, home_page, client
):
    call = CallForContributions.objects.create(
        group=public_group,
        title="Vacance commerciale : vos retours",
        text="<p>Partagez vos outils.</p>",
        deadline=timezone.localdate() + datetime.timedelta(days=30),
    )
    call.refresh_from_db()
    assert call.forum_topic.category == public_group.category
    assert "Partagez vos outils" in call.forum_topic.posts.get().body
    assert "Vacance commerciale" in client.get("/groupes-de-travail/habitat/").content.decode()
    assert "Vacance commerciale" in client.get("/").content.decode()
    detail = client.get(call.get_absolute_url()).content.decode()
    assert "Contribuer sur le forum" in detail


def test_questionnaire_answers_for_coordinators_only_with_csv(
    world, questionnaire, client_for, client
):
    group = world["groups"]["public"]
    call = CallForContributions.objects.create(
        group=group,
        title="Enquête",
        text="<p>Texte</p>",
        questionnaire=questionnaire,
        deadline=timezone.localdate() + datetime.timedelta(days=10),
    )
    response = client.post(
        questionnaire.url, {"votre_ville": "Albi", "vos_besoins": '=HYPERLINK("x")'}
    )
    assert response.status_code == 200
    assert "Merci pour vos réponses" in response.content.decode()
    answers_url = f"/groupes-de-travail/{group.slug}/appels/{call.pk}/reponses/"
    assert client_for(world["group_member"]).get(answers_url).status_code == 404
    assert (
        client_for(world["group_member"]).get(answers_url.rstrip("/") + ".csv").status_code == 404
    )
    coordinator = client_for(world["coordinator"])
    assert "Albi" in coordinator.get(answers_url).content.decode()
    csv_text = coordinator.get(answers_url.rstrip("/") + ".csv").content.decode("utf-8-sig")
    header, row = csv_text.strip().splitlines()
    assert header == "Date;Votre ville;Vos besoins"
    assert ";Albi;" in row
    assert "'=HYPERLINK" in row


def test_forum_activity_does_not_renew_the_cms_content_version(world, client_for, settings):
    """Cached CMS pages stay cached while members write in the forum."""
    settings.FRAGMENT_CACHE_ENABLED = True
    before = content_version()
    client = client_for(world["group_member"])
    topic = world["topics"]["public"]
    client.post(f"/forum/sujet/{topic.pk}/repondre/", {"body": "Une réponse"})
    client.post(
        f"/forum/{topic.category.slug}/nouveau-sujet/", {"title": "Nouveau", "body": "Texte"}
    )
    client.post("/groupes-de-travail/habitat/quitter/")
    client.post(f"/forum/message/{topic.posts.first().pk}/signaler/", {"reason": "test"})
    assert cache.get(VERSION_KEY) == before
    assert Topic.objects.filter(title="Nouveau").exists()


def test_cached_town_page_stays_cached_while_posting(
    world, territories, home_page, client_for, settings, django_assert_max_num_queries
):
    from cms.territories.models import Town

    settings.FRAGMENT_CACHE_ENABLED = True
    town = Town.objects.first()
    client = client_for(None)
    url = town.get_absolute_url()
    client.get(url)
    poster = client_for(world["group_member"])
    topic = world["topics"]["public"]
    for n in range(3):
        poster.post(f"/forum/sujet/{topic.pk}/repondre/", {"body": f"Réponse {n}"})
    client = client_for(None)
    with django_assert_max_num_queries(4) as queries:
        assert client.get(url).status_code == 200
    assert len(queries) <= 4
    assert Page  # pages are served through the route cache


def test_unknown_group_and_call_are_404(public_group, client):
    assert client.get("/groupes-de-travail/inconnu/").status_code == 404
    assert client.get("/groupes-de-travail/habitat/appels/999/").status_code == 404
    assert group_with_category  # factory used by other modules


def _answers_of(form_page):
    return form_page.get_submission_class().objects.filter(page=form_page).count()


def test_a_closed_calls_questionnaire_takes_no_more_answers(public_group, questionnaire, client):
    call = CallForContributions.objects.create(
        group=public_group,
        title="Enquête close",
        text="<p>Texte</p>",
        questionnaire=questionnaire,
        deadline=timezone.localdate() - datetime.timedelta(days=1),
    )
    assert not call.is_open
    response = client.post(questionnaire.url, {"votre_ville": "Albi", "vos_besoins": "Aide"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "n’accepte plus de réponses" in page
    assert _answers_of(questionnaire) == 0
    assert "Envoyer mes réponses" not in client.get(questionnaire.url).content.decode()


def test_questionnaire_answers_are_rate_limited_and_keep_the_text(
    public_group, questionnaire, client, settings
):
    settings.RATELIMIT_ENABLED = True
    settings.RATELIMITS = {"groups.questionnaire": (2, 3600)}
    cache.clear()
    CallForContributions.objects.create(
        group=public_group,
        title="Enquête ouverte",
        text="<p>Texte</p>",
        questionnaire=questionnaire,
        deadline=timezone.localdate() + datetime.timedelta(days=10),
    )
    answer = {"votre_ville": "Albi", "vos_besoins": "Un texte « tapé » à garder"}
    for _ in range(2):
        assert client.post(questionnaire.url, answer).status_code == 200
    response = client.post(questionnaire.url, answer)
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    page = response.content.decode()
    assert "Veuillez réessayer" in page
    assert "Un texte « tapé » à garder" in page
    assert _answers_of(questionnaire) == 2
