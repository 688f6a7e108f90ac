"""A new topic can name a town of the programme and an axis or theme: typed without
accents or hyphens, chosen from a list that works without JavaScript; the topic page links
to them and their pages list the topic."""

import pytest

from cms.programme.models import Topic as ProgrammeTopic
from cms.territories.models import Town
from community.forum.models import Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def new_topic_url(world):
    return f"/forum/{world['groups']['public'].category.slug}/nouveau-sujet/"


def test_form_offers_the_towns_and_axes(world, client_for, new_topic_url, territories, programme):
    page = client_for(world["group_member"]).get(new_topic_url).content.decode()
    assert 'list="villes-du-programme"' in page
    assert '<option value="Chalon-sur-Saône (71)">' in page
    assert page.count("<option value=") >= 245 + ProgrammeTopic.objects.count()
    habitat = ProgrammeTopic.objects.get(slug="habitat")
    assert f'<option value="{habitat.pk}">' in page


def test_topic_linked_to_a_town_typed_loosely_and_to_an_axis(
    world, client_for, new_topic_url, territories, programme
):
    habitat = ProgrammeTopic.objects.get(slug="habitat")
    client = client_for(world["group_member"])
    response = client.post(
        new_topic_url,
        {
            "title": "Vacance commerciale rue du Pont",
            "town": "chalon sur saone",
            "subject": habitat.pk,
            "body": "Qui a mis en place une taxe sur les friches commerciales ?",
        },
    )
    assert response.status_code == 302
    topic = Topic.objects.get(title="Vacance commerciale rue du Pont")
    chalon = Town.objects.get(slug="chalon-sur-saone")
    assert (topic.town, topic.subject) == (chalon, habitat)
    page = client.get(response["Location"]).content.decode()
    assert f'href="/villes/{chalon.slug}/"' in page
    assert f'href="{habitat.get_absolute_url()}"' in page
    assert (
        "Vacance commerciale rue du Pont"
        in client_for(None).get(f"/villes/{chalon.slug}/").content.decode()
    )
    assert (
        "Vacance commerciale rue du Pont"
        in client_for(None).get(habitat.get_absolute_url()).content.decode()
    )


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("Paris-Plage", "Aucune ville du programme ne s’appelle « Paris-Plage »"),
        ("<script>alert(1)</script>", "Aucune ville du programme ne s’appelle"),
        ("Agen (99)", "Aucune ville du programme ne s’appelle « Agen (99) »"),
        ("x" * 2000, "150 caractères"),
    ],
)
def test_unknown_town_is_refused_in_french_and_the_text_is_kept(
    world, client_for, new_topic_url, territories, typed, message
):
    response = client_for(world["group_member"]).post(
        new_topic_url, {"title": "Un titre", "town": typed, "body": "Mon message gardé"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page.replace("&#x27;", "’").replace("&rsquo;", "’")
    assert "Mon message gardé" in page
    assert "<script>alert(1)</script>" not in page
    assert not Topic.objects.filter(title="Un titre").exists()


def test_unknown_axis_is_refused(world, client_for, new_topic_url):
    response = client_for(world["group_member"]).post(
        new_topic_url, {"title": "Un titre", "subject": "999999", "body": "Texte"}
    )
    assert "Cet axe ou ce thème n’existe pas." in response.content.decode()
    assert not Topic.objects.filter(title="Un titre").exists()


def test_a_department_code_settles_the_town(world, client_for, new_topic_url, territories):
    response = client_for(world["group_member"]).post(
        new_topic_url, {"title": "Avec département", "town": "AGEN (47)", "body": "Texte"}
    )
    assert response.status_code == 302
    assert Topic.objects.get(title="Avec département").town.slug == "agen"


def test_with_caches_on_a_new_topic_shows_on_its_town_and_axis_pages_only(
    world,
    client_for,
    new_topic_url,
    territories,
    programme,
    settings,
    django_capture_on_commit_callbacks,
):
    """The town and axis pages renew their own scope; the content version other pages are
    cached under does not move."""
    from cms.core.fragments import content_version

    settings.FRAGMENT_CACHE_ENABLED = True
    chalon = Town.objects.get(slug="chalon-sur-saone")
    habitat = ProgrammeTopic.objects.get(slug="habitat")
    reader = client_for(None)
    for url in (chalon.get_absolute_url(), habitat.get_absolute_url()):
        assert "Friches en centre-ville" not in reader.get(url).content.decode()
    version = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(world["group_member"]).post(
            new_topic_url,
            {
                "title": "Friches en centre-ville",
                "town": "Chalon-sur-Saône (71)",
                "subject": habitat.pk,
                "body": "Retours bienvenus.",
            },
        )
    assert response.status_code == 302
    assert content_version() == version
    reader = client_for(None)
    for url in (chalon.get_absolute_url(), habitat.get_absolute_url()):
        assert "Friches en centre-ville" in reader.get(url).content.decode()
