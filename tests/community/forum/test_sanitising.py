"""Sanitising: no scripts, handlers, dangerous schemes, style, iframes or forms survive.

The rendered HTML is parsed like a browser would: what matters is the elements and
attributes it creates, not the payload shown back as harmless text."""

from html.parser import HTMLParser

import pytest

from community.forum.markup import ALLOWED_TAGS, render_markdown

from .xss_corpus import PAYLOADS


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))


def elements(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = Elements()
    parser.feed(html)
    return parser.found


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_is_neutralised(payload):
    html = render_markdown(payload)
    for tag, attrs in elements(html):
        assert tag in ALLOWED_TAGS, html
        for name, value in attrs:
            assert name in {"href", "title", "rel"}, html
            if name == "href":
                scheme = (value or "").split(":", 1)[0].strip().lower()
                assert ":" not in (value or "") or scheme in {"http", "https", "mailto"}, html


def test_allowed_subset_survives():
    html = render_markdown(
        "Un *texte* **gras**\n\n- un\n- deux\n\n1. premier\n\n> citation\n\n`code` "
        "[lien](https://exemple.fr) [courriel](mailto:a@exemple.fr)\n\n```\nbloc\n```"
    )
    for fragment in (
        "<em>texte</em>",
        "<strong>gras</strong>",
        "<ul>",
        "<ol>",
        "<blockquote>",
        "<code>code</code>",
        "<pre><code>bloc",
    ):
        assert fragment in html
    assert '<a href="https://exemple.fr" rel="nofollow ugc noopener">lien</a>' in html
    assert 'href="mailto:a@exemple.fr"' in html


def test_headings_and_images_are_outside_the_subset():
    html = render_markdown("# Titre\n\n![x](https://exemple.fr/x.png)")
    assert "<h1" not in html
    assert "<img" not in html
