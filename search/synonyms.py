"""Acronyms and their expansions, searched both ways (« ORT » ↔ « opération de
revitalisation de territoire »).

`search` does not read the glossary itself: an app registers a provider returning
`{acronym: expansion}` (cms.programme does, from its glossary) and calls `clear()` when
the glossary changes. Acronyms listed in the `SEARCH_AMBIGUOUS_ACRONYMS` setting, or of
two letters, or that are also French words, only expand when typed in capitals.
"""

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from .analysis import fold, words

Provider = Callable[[], Mapping[str, str]]
_providers: list[Provider] = []
CACHE_KEY = "search:acronyms:v1"
_PARENTHESIS = re.compile(r"\([^)]*\)")
DEFAULT_AMBIGUOUS = {"AMI", "CDC", "DR", "RR", "AL", "EPA", "DUP", "PIG", "TEE", "PJL"}


@dataclass(frozen=True)
class Acronym:
    acronym: str  # as written in the glossary
    key: str  # folded words joined by a space (« opah ru »)
    expansion: str  # without parenthesised remarks
    expansion_key: str  # folded words of the expansion
    ambiguous: bool


def register(provider: Provider) -> Provider:
    if provider not in _providers:
        _providers.append(provider)
    clear()
    return provider


def clear() -> None:
    cache.delete(CACHE_KEY)


def acronyms() -> list[Acronym]:
    table = cache.get(CACHE_KEY)
    if table is None:
        table = _build()
        cache.set(CACHE_KEY, table, 300)
    return table


def _build() -> list[Acronym]:
    ambiguous = {
        a.upper() for a in getattr(settings, "SEARCH_AMBIGUOUS_ACRONYMS", DEFAULT_AMBIGUOUS)
    }
    table = []
    for provider in _providers:
        for acronym, expansion in provider().items():
            expansion = _PARENTHESIS.sub(" ", expansion).strip()
            key = " ".join(words(acronym))
            if not key or not words(expansion):
                continue
            table.append(
                Acronym(
                    acronym=acronym,
                    key=key,
                    expansion=expansion,
                    expansion_key=" ".join(words(expansion)),
                    ambiguous=len(key) <= 2 or acronym.upper() in ambiguous,
                )
            )
    # Longest first, so « OPAH-RU » wins over « OPAH ».
    table.sort(key=lambda item: (-len(item.expansion_key), -len(item.key)))
    return table


def is_typed_as_acronym(original: str) -> bool:
    letters = [char for char in original if char.isalpha()]
    return bool(letters) and all(char.isupper() for char in letters)


def fold_key(text: str) -> str:
    return " ".join(words(fold(text)))
