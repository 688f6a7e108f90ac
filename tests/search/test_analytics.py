"""The admin's search report: top queries, zero-result queries, click-through per day."""

import pytest

from search.models import QueryLog, ResultClick

pytestmark = pytest.mark.django_db


@pytest.fixture
def logs():
    for _ in range(3):
        QueryLog.objects.create(query="friche", results=4)
    clicked = QueryLog.objects.create(query="habitat", results=12)
    ResultClick.objects.create(query_log=clicked, url="/axes/habitat/", position=1)
    ResultClick.objects.create(query_log=clicked, url="/guides/x/", position=2)
    QueryLog.objects.create(query="zzzz", results=0)


def test_report_shows_queries_zero_results_and_a_chart(client, django_user_model, logs):
    admin = django_user_model.objects.create_superuser(email="a@example.org", password="x" * 12)
    client.force_login(admin)
    response = client.get("/admin/recherches/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "5 recherches ; taux de clic : 20 %" in html
    assert "<td>friche</td><td>3</td><td>4</td><td>0</td>" in html
    assert "<td>habitat</td><td>1</td><td>12</td><td>2</td>" in html
    zero = html[html.index("Requêtes sans résultat") :]
    assert "<td>zzzz</td><td>1</td>" in zero
    assert "friche" not in zero[: zero.index("Détail par jour")]
    assert html.count("<rect ") == 30
    assert 'role="img"' in html


def test_report_needs_the_permission(client, django_user_model, logs):
    from django.contrib.auth.models import Permission

    editor = django_user_model.objects.create_user(email="e@example.org", password="x" * 12)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    refused = client.get("/admin/recherches/")
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    assert "Recherches du site" not in client.get("/admin/").content.decode()
    editor.user_permissions.add(Permission.objects.get(codename="view_querylog"))
    assert client.get("/admin/recherches/").status_code == 200
    assert "Recherches du site" in client.get("/admin/").content.decode()
