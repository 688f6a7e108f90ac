import pytest


@pytest.mark.django_db
def test_pages_render(world, client_for, home_page):
    client = client_for(world["group_member"])
    topic = world["topics"]["private"]
    for url in [
        "/forum/",
        topic.category.get_absolute_url(),
        topic.get_absolute_url(),
        "/groupes-de-travail/",
        "/groupes-de-travail/commerce/",
        f"/forum/sujet/{topic.pk}/repondre/",
        f"/forum/{topic.category.slug}/nouveau-sujet/",
        "/notifications/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
