"""The header's main menu, written out in Python (`cms.core.chrome_menu`), is the markup
the template loop it replaced drew, byte for byte, for every page of the menu."""

import pytest
from django.template import engines

from cms.core.chrome import MenuLink
from cms.core.chrome_menu import render_main_menu

# The loop of `includes/header.html` before `{% main_menu %}`.
TEMPLATE_LOOP = """{% for item in chrome.main_menu %}
            <li class="fr-nav__item">
              {% if item.children %}
                <button class="fr-nav__btn" aria-expanded="false" aria-controls="menu-{{ forloop.counter }}" type="button">{{ item.label }}</button>
                <div class="fr-collapse fr-menu" id="menu-{{ forloop.counter }}">
                  <ul class="fr-menu__list">
                    {% for child in item.children %}
                      <li><a class="fr-nav__link" href="{{ child.url }}"{% if child.url == request.path %} aria-current="page"{% endif %}>{{ child.label }}</a></li>
                    {% endfor %}
                  </ul>
                </div>
              {% else %}
                <a class="fr-nav__link" href="{{ item.url }}"{% if item.url == request.path %} aria-current="page"{% elif item.url != "/" and item.url in request.path %} aria-current="true"{% endif %}>{{ item.label }}</a>
              {% endif %}
            </li>
          {% endfor %}"""

MENU = (
    MenuLink("Accueil", "/"),
    MenuLink(
        "Le programme",
        "#",
        children=(
            MenuLink("Les axes & thèmes", "/axes/"),
            MenuLink("Dispositifs", "/dispositifs/"),
        ),
    ),
    MenuLink("Guides", "/guides/"),
    MenuLink("Ailleurs <b>", "https://example.org/?a=1&b=2", external=True),
    MenuLink("Vide", "#", children=()),
)


class _Request:
    def __init__(self, path):
        self.path = path


class _Chrome:
    main_menu = MENU


@pytest.mark.parametrize(
    "path", ["/", "/guides/", "/guides/mon-guide/", "/axes/", "/dispositifs/x/", "/autre/"]
)
def test_the_menu_is_the_markup_of_the_template_it_replaced(path):
    expected = (
        engines["django"]
        .from_string(TEMPLATE_LOOP)
        .render({"chrome": _Chrome(), "request": _Request(path)})
    )
    assert render_main_menu(MENU, path) == expected


def test_the_current_page_and_section_are_marked():
    html = render_main_menu(MENU, "/guides/mon-guide/")
    assert '<a class="fr-nav__link" href="/guides/" aria-current="true">Guides</a>' in html
    html = render_main_menu(MENU, "/axes/")
    assert 'href="/axes/" aria-current="page">Les axes &amp; thèmes</a>' in html
    assert 'href="/" aria-current' not in html
