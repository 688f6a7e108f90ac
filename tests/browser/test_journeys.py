"""What a visitor does on the portal, click by click, in Chromium."""

import re

import pytest
from playwright.sync_api import Locator, Page, expect

pytestmark = pytest.mark.browser

AXIS_PAGE = re.compile(r"^/axes/[^/?#]+/$")
GUIDE_PAGE = re.compile(r"^/guides/[^/?#]+/$")
TOWN_PAGE = re.compile(r"^/villes/[^/?#]+/$")
MAX_GUIDES_OPENED = 5


def links_matching(page: Page, pattern: re.Pattern[str]) -> list[str]:
    """The distinct hrefs of the links in <main> that match `pattern`, in page order."""
    hrefs = page.locator("main a[href]").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    return list(dict.fromkeys(href for href in hrefs if pattern.match(href)))


def first_link(page: Page, pattern: re.Pattern[str]) -> Locator:
    matching = links_matching(page, pattern)
    assert matching, f"no link matching {pattern.pattern} on {page.url}"
    return page.locator(f'main a[href="{matching[0]}"]').first


def follow(page: Page, pattern: re.Pattern[str]) -> str:
    link = first_link(page, pattern)
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url(f"**{href}")
    expect(page.locator("h1")).to_have_count(1)
    return href


def test_home_to_axis_to_guide_to_its_document(page: Page):
    response = page.goto("/")
    assert response.status == 200
    axis = follow(page, AXIS_PAGE)
    guides = links_matching(page, GUIDE_PAGE)
    assert guides, f"no guide linked from {axis}"
    # Not every guide has a document: the visitor opens the axis's guides until one has.
    for guide in guides[:MAX_GUIDES_OPENED]:
        page.locator(f'main a[href="{guide}"]').first.click()
        page.wait_for_url(f"**{guide}")
        documents = page.locator('main a[href*="/documents/"]')
        if documents.count():
            break
        page.go_back()
    else:
        pytest.fail(f"none of the guides linked from {axis} offers a document: {guides}")
    assert documents.first.is_visible()
    download = page.request.get(documents.first.get_attribute("href"))
    assert download.status == 200
    assert download.body(), "the document is empty"


def test_town_list_to_a_town_page(page: Page):
    page.goto("/villes/")
    link = first_link(page, TOWN_PAGE)
    name = " ".join(link.inner_text().split())
    follow(page, TOWN_PAGE)
    heading = " ".join(page.locator("h1").inner_text().split())
    assert heading in name or name in heading, f"link “{name}” led to “{heading}”"


def test_map_point_leads_to_the_town_page(page: Page):
    page.goto("/carte/")
    point = page.locator('main svg a[href^="/villes/"]').first
    expect(point).to_be_visible()
    href = point.get_attribute("href")
    point.click()
    page.wait_for_url(f"**{href}")
    assert TOWN_PAGE.match(href)
    expect(page.locator("h1")).to_have_count(1)
