"""No public input gives a 500: hostile query strings on every public GET view.

The views are enumerated from the URLconf and from Wagtail's page types (two coverage tests
fail when a new public view or page type is not fuzzed here). Each view gets random and
hostile values for every parameter the portal reads (and others): Unicode digits, NUL,
quotes, full-text operators, 2,000 characters, repeated and array parameters, broken
percent-encoding. Every answer must be a 200, a redirect, a 400 or a 404, in French.
The demo site is loaded once for the module; caches are on, as in production.
"""

from urllib.parse import quote, urlencode

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.documents.models import Document
from wagtail.models import Page, get_page_models

from cms.programme.models import Topic
from cms.territories.models import Town

pytestmark = pytest.mark.django_db

# Every name a public view reads from the query string, plus Wagtail's and a few invented.
PARAMETERS = [
    "q",
    "page",
    "annee",
    "axe",
    "type",
    "tag",
    "region",
    "departement",
    "ville",
    "phase",
    "next",
    "format",
    "p",
    "theme",
    "tri",
    "axis",
    "department",
    "town",
    "year",
]
HOSTILE_VALUES = [
    "",
    " ",
    '"',
    "'",
    "c'est \"gare",
    '"gare',
    "\x00",
    "a\x00b",
    "²",
    "¹⁹⁸⁴",
    "١٢",
    "٢٠٢٤",
    "𝟚𝟘𝟚𝟜",
    "½",
    "Ⅻ",
    "-1",
    "0",
    "00",
    "1e3",
    "99999999999999999999999999",
    "NaN",
    "inf",
    "AND",
    "OR NOT",
    "gare NEAR/2 centre",
    "NEAR(gare centre)",
    "*",
    "gare*",
    "^gare",
    "titre:gare",
    "(",
    ")",
    "{gare}",
    "-gare",
    "+gare",
    "gare -",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "../../etc/passwd",
    "%00",
    "%",
    "\u202egare",
    "\ufeff",
    "🏠 cœur",
    "\t\r\n",
    "null",
    "[]",
    "{}",
    "https://attaquant.example/",
    "//attaquant.example",
]
RAW_QUERIES = [
    "q=%C3",
    "q=%FF%FE",
    "page=%",
    "q=%ZZ",
    "&&&",
    "=",
    "==&=",
    "annee[]=2024&annee[]=2025",
    "page=1&page=2&page=%C2%B2",
    "axe&type&tag",
    "q=" + "%22" * 700,
    # More digits than Python converts to an integer (4,300): a listing's page number.
    "page=" + "9" * 5000,
]

text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
values = st.one_of(
    st.sampled_from(HOSTILE_VALUES),
    text,
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.sampled_from(HOSTILE_VALUES).map(lambda value: (value * 2000)[:2000] or "x" * 2000),
)
names = st.one_of(
    st.sampled_from(PARAMETERS),
    st.sampled_from(PARAMETERS).map(lambda name: f"{name}[]"),
    st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=12),
)
query_strings = st.one_of(
    st.lists(st.tuples(names, values), min_size=1, max_size=6).map(
        lambda pairs: urlencode(pairs, quote_via=quote)
    ),
    st.sampled_from(RAW_QUERIES),
)

# URL names served by Django views that are fuzzed below (the page catch-all is fuzzed
# through one live page of every page type).
FUZZED_URL_NAMES = {
    "health": "/sante/",
    "robots-txt": "/robots.txt",
    "sitemap": "/sitemap.xml",
    "town-list": "/villes/",
    "town-map": "/carte/",
    "topic-list": "/axes/",
    "search": "/recherche/",
    "search-api": "/recherche/api/resultats/",
    "search-autocomplete": "/recherche/api/suggestions/",
    "opensearch": "/opensearch.xml",
    "wagtailcore_login": "/_util/login/",
    "subscribe": "/lettre-d-information/",
    "thanks": "/lettre-d-information/merci/",
    "archive": "/lettre-d-information/archives/",
    "archive-feed": "/lettre-d-information/archives/rss/",
    "directory": "/annuaire/",
    "directory-feed": "/annuaire/rss/",
    "forum-feed": "/forum/rss/",
    "account_login": "/comptes/connexion/",
    "account_signup": "/comptes/inscription/",
    "account_reset_password": "/comptes/mot-de-passe/oubli/",
    "account_reset_password_done": "/comptes/mot-de-passe/oubli/envoye/",
    "account_reset_password_from_key_done": "/comptes/mot-de-passe/nouveau/fait/",
    "account_email_verification_sent": "/comptes/confirmation/",
    "account_inactive": "/comptes/inactif/",
    # Signed-in pages: a visitor is sent to the login form, whatever the query.
    "account_home": "/comptes/",
    "account_profile": "/comptes/profil/",
    "account_email": "/comptes/adresses/",
    "account_email_preferences": "/comptes/courriels/",
    "account_change_password": "/comptes/mot-de-passe/",
    "account_set_password": "/comptes/mot-de-passe/definir/",
    "account_export": "/comptes/export/",
    "account_delete": "/comptes/suppression/",
    "account_reauthenticate": "/comptes/reauthentification/",
    "account_logout": "/comptes/deconnexion/",
    "forum-index": "/forum/",
    "group-list": "/groupes-de-travail/",
    "notifications": "/notifications/",
    "announcement-new": "/annonces/nouvelle/",
}
# Community views fuzzed on a real object of the demo (their URLs are found in demo_site).
COMMUNITY_OBJECT_VIEWS = [
    "forum-category",
    "forum-category-feed",
    "forum-topic",
    "forum-new-topic",
    "forum-reply",
    "forum-post",
    "forum-edit",
    "forum-history",
    "group-detail",
    "call-detail",
    "call-answers",
    "call-answers-csv",
]
# Not public GET views, or views whose only input is their path (fuzzed below).
NOT_FUZZED = {
    "media": "files, no query parameter is read",
    "search-click": "POST only: a signed ping sent by the browser",
    "account_confirm_email": "fuzzed by path below",
    "account_reset_password_from_key": "fuzzed by path below",
    "account_unsubscribe": "fuzzed by path below",
    "directory-entry": "fuzzed by path below",
    "directory-vcard": "fuzzed by path below",
    "directory-propose": "fuzzed by path below",
    "forum-answer": "POST only",
    "forum-delete": "POST only",
    "forum-follow": "POST only",
    "forum-moderate-post": "POST only",
    "forum-moderate-topic": "POST only",
    "forum-report": "POST only",
    "group-decide": "POST only",
    "group-follow": "POST only",
    "group-join": "POST only",
    "group-leave": "POST only",
    "notifications-read": "POST only",
    "forum-attachment": "fuzzed by path below",
    "wagtaildocs_serve": "fuzzed by path below",
    "wagtaildocs_authenticate_with_password": "a form for one restriction id",
    "wagtailcore_authenticate_with_password": "a form for one restriction id",
    "town-detail": "fuzzed with a real town below",
    "topic-detail": "fuzzed with a real topic below",
    "page": "every page type is fuzzed below",
    "wagtail_serve": "every page type is fuzzed below",
    "confirm": "fuzzed by path below",
    "unsubscribe": "fuzzed by path below",
    "preferences": "fuzzed by path below",
    "archive-issue": "fuzzed by path below",
}
# The admin (signed-in staff) and the e-mail providers' webhooks (POST, signed by them).
NOT_PUBLIC_PREFIXES = ("admin/", "anymail/")
ROUTABLE_SUFFIXES = {"NewsIndexPage": "rss/", "PressIndexPage": "rss/"}
# 403: a readable forum post that this visitor may not edit says why, in French.
ACCEPTED = {200, 301, 302, 400, 403, 404}


def _public_url_names() -> set[str]:
    found = set()

    def walk(patterns: list, prefix: str = "") -> None:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern) and not route.startswith(NOT_PUBLIC_PREFIXES):
                found.add(pattern.name)

    walk(get_resolver().url_patterns)
    return found


def _page_type_names() -> set[str]:
    return {model.__name__ for model in get_page_models() if model is not Page}


PAGE_TYPES = sorted(_page_type_names())


def _community_urls() -> dict[str, str]:
    from community.forum.models import Category, Post
    from community.forum.models import Topic as ForumTopic
    from community.groups.models import CallForContributions, WorkingGroup

    category = Category.objects.order_by("pk").first()
    topic = ForumTopic.objects.order_by("pk").first()
    post = Post.objects.order_by("pk").first()
    group = WorkingGroup.objects.order_by("pk").first()
    call = CallForContributions.objects.order_by("pk").first()
    call_kwargs = {"slug": call.group.slug, "pk": call.pk}
    return {
        "forum-category": category.get_absolute_url(),
        "forum-category-feed": reverse("forum-category-feed", kwargs={"slug": category.slug}),
        "forum-topic": topic.get_absolute_url(),
        "forum-new-topic": reverse("forum-new-topic", kwargs={"slug": category.slug}),
        "forum-reply": reverse("forum-reply", kwargs={"pk": topic.pk}),
        "forum-post": reverse("forum-post", kwargs={"pk": post.pk}),
        "forum-edit": reverse("forum-edit", kwargs={"pk": post.pk}),
        "forum-history": reverse("forum-history", kwargs={"pk": post.pk}),
        "group-detail": group.get_absolute_url(),
        "call-detail": reverse("call-detail", kwargs=call_kwargs),
        "call-answers": reverse("call-answers", kwargs=call_kwargs),
        "call-answers-csv": reverse("call-answers-csv", kwargs=call_kwargs),
    }


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The demo site, loaded once for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", verbosity=0)
        urls = {}
        for page in Page.objects.live().specific().order_by("path"):
            urls.setdefault(type(page).__name__, page.url)
        urls.update(_community_urls())
        for name, suffix in ROUTABLE_SUFFIXES.items():
            urls[f"{name} feed"] = urls[name] + suffix
        urls["town-detail"] = f"/villes/{Town.objects.order_by('slug').first().slug}/"
        urls["topic-detail"] = f"/axes/{Topic.objects.order_by('slug').first().slug}/"
        document = Document.objects.order_by("pk").first()
        if document:
            urls["wagtaildocs_serve"] = document.url
        urls.update(FUZZED_URL_NAMES)
        yield urls
        transaction.set_rollback(True)


def _assert_answer(response, url: str) -> None:
    assert response.status_code in ACCEPTED, (url, response.status_code)
    content_type = response.get("Content-Type", "")
    if response.status_code in {400, 403, 404} or (
        response.status_code == 200 and content_type.startswith("text/html")
    ):
        assert 'lang="fr"' in response.content.decode(), (url, response.status_code)


def test_every_public_url_is_fuzzed():
    covered = set(FUZZED_URL_NAMES) | set(COMMUNITY_OBJECT_VIEWS) | set(NOT_FUZZED)
    assert _public_url_names() <= covered, _public_url_names() - covered


def test_every_page_type_is_fuzzed(demo_site):
    assert set(PAGE_TYPES) <= set(demo_site), set(PAGE_TYPES) - set(demo_site)


@pytest.fixture
def caches_on(settings):
    settings.FRAGMENT_CACHE_ENABLED = True


VIEWS = sorted(
    [*FUZZED_URL_NAMES, *COMMUNITY_OBJECT_VIEWS, "town-detail", "topic-detail", *PAGE_TYPES]
    + [f"{name} feed" for name in ROUTABLE_SUFFIXES]
)


@pytest.mark.parametrize("view", VIEWS)
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=query_strings)
def test_hostile_query_strings_never_give_a_500(client, demo_site, caches_on, view, query):
    url = f"{demo_site[view]}?{query}"
    _assert_answer(client.get(url), url)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    prefix=st.sampled_from(
        [
            "/villes/",
            "/axes/",
            "/actualites/",
            "/guides/",
            "/documents/1/",
            "/media/",
            "/lettre-d-information/confirmation/",
            "/lettre-d-information/desabonnement/",
            "/lettre-d-information/preferences/",
            "/lettre-d-information/archives/",
            "/comptes/confirmation/",
            "/comptes/mot-de-passe/nouveau/1-",
            "/comptes/mot-de-passe/nouveau/",
            "/comptes/desabonnement/",
            "/annuaire/",
            "/forum/",
            "/forum/sujet/",
            "/forum/message/",
            "/forum/piece-jointe/",
            "/groupes-de-travail/",
            "/",
        ]
    ),
    segment=st.one_of(
        st.sampled_from(HOSTILE_VALUES),
        st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=60),
    ),
)
def test_hostile_paths_never_give_a_500(client, demo_site, caches_on, prefix, segment):
    url = prefix + quote(segment, safe="") + "/"
    _assert_answer(client.get(url), url)


# The views that read query parameters get each of these on every parameter at once,
# deterministically, besides Hypothesis's random draws (one value per class of trouble).
SWEEP_VALUES = [
    '"',
    "c'est \"gare",
    "a\x00b",
    "²",
    "١٢",
    "𝟚𝟘𝟚𝟜",
    "-1",
    "99999999999999999999999999",
    "OR NOT",
    "NEAR(gare centre)",
    "gare*",
    "titre:gare",
    "(",
    "{gare}",
    "-gare",
    "' OR 1=1 --",
    '"><img src=x onerror=alert(1)>',
    "\u202egare",
    "🏠 cœur",
    "//attaquant.example",
    "x" * 2000,
    '"' * 2000,
    "é" * 2000,
    "² " * 1000,
]
READING_VIEWS = [
    "forum-category",
    "forum-topic",
    "directory",
    "search",
    "search-api",
    "search-autocomplete",
    "town-list",
    "town-map",
    "HomePage",
    "ResourceIndexPage",
    "CaseStudyIndexPage",
    "NewsIndexPage",
    "PressIndexPage",
    "MeasureIndexPage",
    "wagtailcore_login",
]


@pytest.mark.parametrize("view", READING_VIEWS)
def test_every_hostile_value_on_every_parameter(client, demo_site, caches_on, view):
    for value in SWEEP_VALUES:
        query = urlencode([(name, value) for name in PARAMETERS], quote_via=quote)
        url = f"{demo_site[view]}?{query}"
        _assert_answer(client.get(url), url)
    for raw in RAW_QUERIES:
        url = f"{demo_site[view]}?{raw}"
        _assert_answer(client.get(url), url)
