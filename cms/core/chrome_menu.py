"""The header's main menu (DSFR `fr-nav`), written out in Python.

Every page draws it: a dozen links, each compared with the address served to mark the
current one. As a template loop that was most of the header's rendering time; written out
here it is the same markup (`includes/header.html` places it), byte for byte, whitespace
included.
"""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from .chrome import MenuLink

_ITEM = '\n            <li class="fr-nav__item">\n              {}\n            </li>\n          '
_SUBMENU = (
    '\n                <button class="fr-nav__btn" aria-expanded="false" aria-controls="menu-{}"'
    ' type="button">{}</button>\n'
    '                <div class="fr-collapse fr-menu" id="menu-{}">\n'
    '                  <ul class="fr-menu__list">\n                    {}\n'
    "                  </ul>\n                </div>\n              "
)
_CHILD = '\n                      <li><a class="fr-nav__link" href="{}"{}>{}</a></li>\n                    '
_LINK = '\n                <a class="fr-nav__link" href="{}"{}>{}</a>\n              '
_CURRENT_PAGE = mark_safe(' aria-current="page"')
_CURRENT_SECTION = mark_safe(' aria-current="true"')


def _mark(item: MenuLink, path: str) -> SafeString:
    """The page itself, or (for an entry without a sub-menu) a section the page is in."""
    if item.url == path:
        return _CURRENT_PAGE
    if item.url != "/" and item.url in path:
        return _CURRENT_SECTION
    return mark_safe("")


def render_main_menu(menu: tuple[MenuLink, ...], path: str) -> SafeString:
    """The entries of the main menu for the page at `path`."""
    items = []
    for number, item in enumerate(menu, start=1):
        if item.children:
            children = format_html_join(
                "",
                _CHILD,
                (
                    (child.url, _CURRENT_PAGE if child.url == path else "", child.label)
                    for child in item.children
                ),
            )
            body = format_html(_SUBMENU, number, item.label, number, children)
        else:
            body = format_html(_LINK, item.url, _mark(item, path), item.label)
        items.append(format_html(_ITEM, body))
    return mark_safe("".join(items))
