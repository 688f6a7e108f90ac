"""Hostile posts rendered in Chromium: no dialog opens, no handler attribute or script
element from a post reaches the DOM, and only safe link schemes remain."""

import json

import pytest
from playwright.sync_api import Page

from tests.community.forum.xss_corpus import PAYLOADS

pytestmark = pytest.mark.browser

CREATE_TOPIC = """
import json
from community.forum.models import Category
from community.forum.posting import create_topic
from django.contrib.auth import get_user_model
payloads = json.loads({payloads!r})
author = get_user_model().objects.filter(email__endswith="@demo.coeurdeville.example").first()
topic = create_topic(category=Category.objects.get(slug="general"), author=author,
                     title="Essai de contenus hostiles", body="\\n\\n".join(payloads))
print(topic.get_absolute_url())
"""

DOM_REPORT = """() => {
  const posts = [...document.querySelectorAll('.cdv-post-body')];
  const inPosts = posts.flatMap(body => [...body.querySelectorAll('*')]);
  return {
    posts: posts.length,
    handlers: inPosts.flatMap(el => [...el.attributes].filter(a => a.name.startsWith('on')).map(a => el.tagName + ' ' + a.name)),
    tags: [...new Set(inPosts.map(el => el.tagName.toLowerCase()))],
    hrefs: inPosts.filter(el => el.hasAttribute('href')).map(el => el.getAttribute('href')),
    styles: inPosts.filter(el => el.hasAttribute('style')).length,
  };
}"""


@pytest.fixture(scope="module")
def hostile_topic_url(served_site) -> str:
    code = CREATE_TOPIC.format(payloads=json.dumps(PAYLOADS))
    return served_site.manage("shell", "-c", code).strip().splitlines()[-1]


def test_hostile_posts_run_nothing_in_chromium(page: Page, hostile_topic_url: str):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    response = page.goto(hostile_topic_url)
    assert response.status == 200
    page.wait_for_timeout(500)  # let any onerror/onload handler fire
    report = page.evaluate(DOM_REPORT)
    assert report["posts"] == 1
    assert dialogs == []
    assert report["handlers"] == []
    assert report["styles"] == 0
    assert set(report["tags"]) <= {
        "p",
        "br",
        "strong",
        "em",
        "ul",
        "ol",
        "li",
        "a",
        "blockquote",
        "code",
        "pre",
    }
    for href in report["hrefs"]:
        assert href.split(":", 1)[0].lower() in {"http", "https", "mailto"} or ":" not in href
