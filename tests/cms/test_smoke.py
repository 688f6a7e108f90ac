import pytest


@pytest.mark.django_db
def test_home_page_renders_with_dsfr_header(client, home_page, programme):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<header role="banner" class="fr-header">' in html
    assert "Cinq axes et trois thèmes transversaux" in html
    assert "Habitat" in html
