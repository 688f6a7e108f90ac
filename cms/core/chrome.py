"""What every page's header and footer show, read once and cached.

Menus, footer links and the notice banner live in site settings; resolving their page
links costs queries, so the resolved chrome is cached per site and content version: saving
a setting or publishing, moving or unpublishing a page rebuilds it (see `fragments`).
"""

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Subquery
from django.http import HttpRequest
from wagtail.blocks import StreamValue
from wagtail.models import Page, Site

from .fragments import remember
from .models.settings import NavigationSettings, PortalSettings
from .page_walk import read_along, read_along_the_walk
from .sites import CHROME_SETTINGS


@dataclass(frozen=True)
class MenuLink:
    label: str
    url: str
    external: bool = False
    children: tuple["MenuLink", ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Notice:
    title: str
    text: str
    link: str
    link_label: str


@dataclass(frozen=True)
class SiteChrome:
    tagline: str
    operator_name: str
    footer_description: str
    main_menu: tuple[MenuLink, ...]
    footer_links: tuple[MenuLink, ...]
    social_links: tuple[tuple[str, str], ...]
    notice: Notice | None


# The chrome of a request that no site answers (an unknown host when no site is the
# default): its 404 page is drawn without menus rather than failing.
NO_CHROME = SiteChrome(
    tagline="",
    operator_name="",
    footer_description="",
    main_menu=(),
    footer_links=(),
    social_links=(),
    notice=None,
)


def _list_item(raw: dict) -> dict:
    """A ListBlock child as stored: `{"type": "item", "value": …}`, or the bare value in
    data saved by older Wagtail versions."""
    return raw["value"] if raw.get("type") == "item" and "value" in raw else raw


def _joined_settings(site: Site) -> tuple[PortalSettings, StreamValue, StreamValue] | None:
    """Both settings rows when they came with the site itself (`sites.site_for_request`)."""
    if not all(getattr(Site, name).is_cached(site) for name in CHROME_SETTINGS):
        return None
    try:
        navigation = site.navigationsettings
        return site.portalsettings, navigation.main_menu, navigation.footer_links
    except ObjectDoesNotExist:  # a new site: created below, as `for_site` would
        return None


def _read_settings(site: Site) -> tuple[PortalSettings, StreamValue, StreamValue]:
    """The portal settings of `site` with the navigation's main menu and footer links: as
    the site was read with them, or in one query; through Wagtail's `for_site` (which
    creates a missing row) otherwise."""
    if joined := _joined_settings(site):
        return joined
    navigation = NavigationSettings.objects.filter(site_id=OuterRef("site_id"))
    portal = (
        PortalSettings.objects.filter(site=site)
        .annotate(
            has_navigation=Exists(navigation),
            main_menu=Subquery(navigation.values("main_menu")[:1]),
            footer_links=Subquery(navigation.values("footer_links")[:1]),
        )
        .first()
    )
    if portal is None:
        # A new site: the row is created as `for_site` would, without its second read.
        try:
            with transaction.atomic():
                portal = PortalSettings.objects.create(site=site)
        except IntegrityError:  # another request created it meanwhile
            portal = PortalSettings.for_site(site)
    if not getattr(portal, "has_navigation", False):  # none yet, or a new portal row
        navigation_row = NavigationSettings.for_site(site)
        return portal, navigation_row.main_menu, navigation_row.footer_links
    return portal, portal.main_menu, portal.footer_links


Link = dict[str, Any]  # a `LinkBlock` value as stored


def _links(
    main_menu: StreamValue, footer: StreamValue
) -> tuple[list[tuple[Link, list[Link]]], list[Link]]:
    """The main menu's entries (each with its sub-menu) and the footer links, as stored."""
    entries = [
        (item["value"]["link"], [_list_item(child) for child in item["value"]["children"]])
        for item in main_menu.raw_data
    ]
    return entries, [block["value"] for block in footer.raw_data]


def _page_ids(menu: list[tuple[Link, list[Link]]], footer: list[Link]) -> set[int]:
    linked = [*(value for link, children in menu for value in (link, *children)), *footer]
    return {value["page"] for value in linked if value.get("page")}


def read_menu_pages_along(site: Site) -> None:
    """When `site` came with its settings (`sites`), asks the request's page walk to read
    the pages its menus link to in the walk's own query (`page_walk.read_along`)."""
    if joined := _joined_settings(site):
        _, main_menu, footer = joined
        read_along(_page_ids(*_links(main_menu, footer)))


def build_chrome(site: Site, request: HttpRequest | None = None) -> SiteChrome:
    """The chrome of `site`, read from the settings' stored block data: converting the
    menus' blocks and their page choosers costs more than the page itself. The linked
    pages' URLs come from their `url_path`, read by the page walk (`read_menu_pages_along`)
    or in one query of their own; `request` (one of that site's)
    lends Wagtail its site root paths, read once per request instead of once per link."""
    portal, main_menu_data, footer_data = _read_settings(site)
    menu, footer = _links(main_menu_data, footer_data)
    page_ids = _page_ids(menu, footer)
    pages = read_along_the_walk(page_ids)
    if pages is None:
        pages = Page.objects.only("url_path").in_bulk(page_ids) if page_ids else {}

    def link(value: dict) -> MenuLink:
        # No page type of the portal changes its URL, so the generic page gives it.
        if page := pages.get(value.get("page")):
            return MenuLink(value["label"], page.get_url(request=request) or "#")
        return MenuLink(value["label"], value.get("url") or "#", external=True)

    main_menu = tuple(
        MenuLink(
            label=(main := link(item)).label,
            url=main.url,
            external=main.external,
            children=tuple(link(child) for child in children),
        )
        for item, children in menu
    )
    notice = None
    if portal.notice_enabled and (portal.notice_title or portal.notice_text):
        notice = Notice(
            portal.notice_title, portal.notice_text, portal.notice_link, portal.notice_link_label
        )
    return SiteChrome(
        tagline=portal.tagline,
        operator_name=portal.operator_name,
        footer_description=portal.footer_description,
        main_menu=main_menu,
        footer_links=tuple(link(value) for value in footer),
        social_links=tuple(
            (block["value"]["network"], block["value"]["url"])
            for block in portal.social_links.raw_data
        ),
        notice=notice,
    )


def get_chrome(site: Site, request: HttpRequest | None = None) -> SiteChrome:
    return remember(f"portal-chrome:{site.pk}", lambda: build_chrome(site, request))
