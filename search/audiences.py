"""Who may see what: a user's audiences, contributed by the apps that know (groups…).

Everyone has the `public` audience. Community apps register a resolver returning the
extra audiences of a user (« members », « group:12 »); every search output (results,
counts, facets, snippets, autocomplete, suggestions, JSON) is limited to these.
"""

from collections.abc import Callable
from typing import Any

from .documents import PUBLIC

Resolver = Callable[[Any], set[str]]
_resolvers: list[Resolver] = []


def register(resolver: Resolver) -> Resolver:
    """Add a resolver `fn(user) -> set[str]`; usable as a decorator."""
    if resolver not in _resolvers:
        _resolvers.append(resolver)
    return resolver


def unregister(resolver: Resolver) -> None:
    if resolver in _resolvers:
        _resolvers.remove(resolver)


def audiences_for(user: Any) -> frozenset[str]:
    audiences = {PUBLIC}
    if user is not None and getattr(user, "is_authenticated", False):
        for resolver in _resolvers:
            audiences |= set(resolver(user))
    return frozenset(audiences)
