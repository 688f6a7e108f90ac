"""The site-wide demo content of `cms.core`: legal pages, the sitemap page, menus and the
portal settings, described in `demo_data/site.toml`. Run by `manage.py load_demo` (see
`coeurdeville.demo`)."""

from collections.abc import Mapping
from typing import Any

from wagtail.models import Page, Site

from .demo_builders import BlockRefs, DemoContext, body_blocks, child_page, load_data
from .models import NavigationSettings, PortalSettings, SitemapPage, StandardPage


def load_demo(context: DemoContext) -> None:
    data = load_data(__file__, "site")
    legal = load_legal_pages(context.home, data)
    context.pages.update(legal)
    load_settings(legal, data)


def load_legal_pages(home: Page, data: Mapping[str, Any] | None = None) -> dict[str, Page]:
    data = data or load_data(__file__, "site")
    refs = BlockRefs(home)
    pages: dict[str, Page] = {}
    for page in data["page"]:
        pages[page["slug"]] = child_page(
            home,
            StandardPage,
            page["slug"],
            title=page["title"],
            summary=page["summary"],
            body=body_blocks(page["body"], refs),
        )
    sitemap = data["sitemap"]
    pages[sitemap["slug"]] = child_page(home, SitemapPage, **sitemap)
    return pages


def _link(label: str, url: str = "", page: Page | None = None) -> dict:
    return {"label": label, "page": page, "url": url}


def load_settings(legal: dict[str, Page], data: Mapping[str, Any] | None = None) -> None:
    data = data or load_data(__file__, "site")
    site = Site.objects.get(is_default_site=True)
    portal = PortalSettings.for_site(site)
    if not portal.notice_title:
        portal.notice_enabled = True
        portal.notice_title = data["notice"]["title"]
        portal.notice_text = data["notice"]["text"]
        portal.save()
    navigation = NavigationSettings.for_site(site)
    if not navigation.main_menu:
        navigation.main_menu = [
            (
                "item",
                {
                    "link": _link(entry["label"], entry["url"]),
                    "children": [
                        _link(child["label"], child["url"]) for child in entry.get("children", [])
                    ],
                },
            )
            for entry in data["menu"]
        ]
        navigation.footer_links = [
            ("link", _link(entry["label"], page=legal[entry["page"]])) for entry in data["footer"]
        ]
        navigation.save()
