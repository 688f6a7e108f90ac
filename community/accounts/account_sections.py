"""The sections of « Mon compte » (`/comptes/`), contributed by whichever apps have some.

An app registers a section in its ``AppConfig.ready()``::

    from community.accounts import account_sections

    account_sections.register(
        "Mes groupes de travail",
        "groups/account_section.html",
        context_fn=lambda request: {"memberships": ...},  # None hides the section
        order=20,
    )

The template is included inside the page with the context the function returns, plus
``request`` and ``user``; it renders the section's body (the page writes the ``<h2>``).
Sections show in ascending ``order``; accounts' own use 0 (profile), 50 (e-mails) and 900
(my data).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest
from django.utils.text import slugify

ContextFn = Callable[[HttpRequest], dict[str, Any] | None]


@dataclass(frozen=True)
class AccountSection:
    title: str
    template: str
    context_fn: ContextFn | None = None
    order: int = 100
    anchor: str = ""


@dataclass
class RenderedSection:
    title: str
    template: str
    anchor: str
    context: dict[str, Any] = field(default_factory=dict)


_sections: dict[str, AccountSection] = {}


def register(
    title: str, template: str, context_fn: ContextFn | None = None, order: int = 100
) -> AccountSection:
    """Add (or replace, by title) a section of « Mon compte »."""
    section = AccountSection(title, template, context_fn, order, slugify(title))
    _sections[title] = section
    return section


def sections_for(request: HttpRequest) -> list[RenderedSection]:
    rendered = []
    for section in sorted(_sections.values(), key=lambda s: (s.order, s.title)):
        context = section.context_fn(request) if section.context_fn else {}
        if context is None:
            continue
        rendered.append(RenderedSection(section.title, section.template, section.anchor, context))
    return rendered
