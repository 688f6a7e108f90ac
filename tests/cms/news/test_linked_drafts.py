"""A news item's axes and themes, towns and tags come from compiled queries on its link
tables (`cms.core.linked`): the live page shows the published links while a draft with
other links waits, and the editor's draft view and revision previews show each revision's
own links, in each cache mode."""

import pytest
from taggit.models import Tag

from cms.core.demo_builders import child_page
from cms.news.models import NewsPage, NewsPageTag
from cms.programme.models import Topic
from cms.territories.models import Town

pytestmark = pytest.mark.django_db


def _shown(response) -> dict[str, bool]:
    html = response.content.decode()
    return {
        name: marker in html
        for name, marker in (
            ("habitat", "/axes/habitat/"),
            ("mobilite", "/axes/mobilite/"),
            ("niort", "/villes/niort/"),
            ("albi", "/villes/albi/"),
            ("publie", "mot-publie"),
            ("brouillon", "mot-brouillon"),
        )
    }


LIVE = {"habitat": True, "niort": True, "publie": True}
DRAFT = {"mobilite": True, "albi": True, "brouillon": True}


def _only(shown: dict[str, bool]) -> set[str]:
    return {name for name, present in shown.items() if present}


def _tag(name: str) -> NewsPageTag:
    return NewsPageTag(tag=Tag.objects.get_or_create(name=name, slug=name)[0])


def test_live_links_stay_while_a_draft_changes_them(
    client, django_user_model, news_index, programme, territories, each_cache_mode
):
    page = child_page(news_index, NewsPage, "annonce", title="Une annonce")
    page.topics = [Topic.objects.get(slug="habitat")]
    page.towns = [Town.objects.get(slug="niort")]
    page.tagged_items = [_tag("mot-publie")]
    first = page.save_revision()
    first.publish()
    assert _only(_shown(client.get("/actualites/annonce/"))) == set(LIVE)

    draft = NewsPage.objects.get(pk=page.pk)
    draft.topics = [Topic.objects.get(slug="mobilite")]
    draft.towns = [Town.objects.get(slug="albi")]
    draft.tagged_items = [_tag("mot-brouillon")]
    second = draft.save_revision()

    for _ in range(2):
        assert _only(_shown(client.get("/actualites/annonce/"))) == set(LIVE)
    editor = django_user_model.objects.create_superuser(
        email="redaction@example.org", password="mot-de-passe-solide"
    )
    admin = client.__class__()
    admin.force_login(editor)
    assert _only(_shown(admin.get(f"/admin/pages/{page.pk}/view_draft/"))) == set(DRAFT)
    revisions = f"/admin/pages/{page.pk}/revisions"
    assert _only(_shown(admin.get(f"{revisions}/{first.pk}/view/"))) == set(LIVE)
    assert _only(_shown(admin.get(f"{revisions}/{second.pk}/view/"))) == set(DRAFT)
    compare = admin.get(f"{revisions}/compare/{first.pk}...{second.pk}/")
    assert compare.status_code == 200
    # Signed in, the live page is still the published one.
    assert _only(_shown(admin.get("/actualites/annonce/"))) == set(LIVE)

    second.publish()
    assert _only(_shown(client.get("/actualites/annonce/"))) == set(DRAFT)
