"""What every page's header and footer show, read once and cached.

Menus, footer links and the notice banner live in site settings; resolving their page
links costs queries, so the resolved chrome is cached per site and content version: saving
a setting or publishing, moving or unpublishing a page rebuilds it (see `fragments`).
"""

from dataclasses import dataclass, field

from django.core.exceptions import ObjectDoesNotExist
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Subquery
from django.http import HttpRequest
from wagtail.blocks import StreamValue
from wagtail.models import Page, Site

from .fragments import remember
from .models.settings import NavigationSettings, PortalSettings
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


def build_chrome(site: Site, request: HttpRequest | None = None) -> SiteChrome:
    """The chrome of `site`, read from the settings' stored block data: converting the
    menus' blocks and their page choosers costs more than the page itself. The linked
    pages' URLs come from one query of their `url_path`; `request` (one of that site's)
    lends Wagtail its site root paths, read once per request instead of once per link."""
    portal, main_menu_data, footer_data = _read_settings(site)
    menu = [
        (item["value"]["link"], [_list_item(child) for child in item["value"]["children"]])
        for item in main_menu_data.raw_data
    ]
    footer = [block["value"] for block in footer_data.raw_data]
    linked = [*(value for link, children in menu for value in (link, *children)), *footer]
    page_ids = {value["page"] for value in linked if value.get("page")}
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
