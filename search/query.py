"""A visitor's query, parsed once for every backend.

Accepted syntax (the websearch one): words, « "phrases" », « -excluded » words. Other
syntax characters (`*`, `:`, `(`…) are separators. Each term is a group of alternatives:
an acronym and its expansion, either way round, so « ORT » also finds « opération de
revitalisation de territoire ».
"""

import re
from dataclasses import dataclass, field

from . import synonyms
from .analysis import STOP_WORDS, clean, name_key, stem, words

MAX_QUERY_LENGTH = 200
_PHRASE = re.compile(r'"([^"]*)"?')
_NAME_ALIASES = {"st": "saint", "ste": "sainte"}


@dataclass(frozen=True)
class Alternative:
    text: str  # folded words separated by spaces
    phrase: bool = False  # words must follow each other


@dataclass
class ParsedQuery:
    text: str
    groups: list[list[Alternative]] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)
    name_key: str = ""
    last_word: str = ""

    @property
    def is_empty(self) -> bool:
        return not self.groups

    def words(self) -> list[str]:
        """The folded words of the query's terms (for spelling suggestions)."""
        return [word for group in self.groups for word in group[0].text.split() if len(word) > 2]


def parse(raw: str) -> ParsedQuery:
    text = " ".join(clean(raw).split())[:MAX_QUERY_LENGTH]
    parsed = ParsedQuery(text=text, name_key=name_key(text))
    for phrase in _PHRASE.findall(text):
        folded = " ".join(words(phrase))
        if folded:
            parsed.groups.append([Alternative(folded, phrase=len(folded.split()) > 1)])
    free: list[tuple[str, str]] = []  # (folded word, token as typed)
    for token in _PHRASE.sub(" ", text).split():
        if token.startswith("-") and len(token) > 1:
            parsed.excluded.extend(word for word in words(token) if word not in STOP_WORDS)
            continue
        free.extend((word, token) for word in words(token))
    if free:
        parsed.last_word = free[-1][0]
    parsed.groups.extend(_term_groups(free))
    return parsed


def _term_groups(free: list[tuple[str, str]]) -> list[list[Alternative]]:
    table = synonyms.acronyms()
    groups: list[list[Alternative]] = []
    position = 0
    while position < len(free):
        matched = False
        for entry in table:
            length = _match_stems(free, position, entry.expansion_key)
            if length:
                alternatives = [Alternative(entry.expansion_key)]
                if not entry.ambiguous:
                    alternatives.append(_acronym_alternative(entry.key))
                groups.append(alternatives)
                position += length
                matched = True
                break
        if matched:
            continue
        for entry in sorted(table, key=lambda item: -len(item.key)):
            length = _match_length(free, position, entry.key)
            if length and (not entry.ambiguous or synonyms.is_typed_as_acronym(free[position][1])):
                groups.append([_acronym_alternative(entry.key), Alternative(entry.expansion_key)])
                position += length
                matched = True
                break
        if matched:
            continue
        word = _NAME_ALIASES.get(free[position][0], free[position][0])
        if word not in STOP_WORDS:
            groups.append([Alternative(word)])
        position += 1
    return groups


def _acronym_alternative(key: str) -> Alternative:
    return Alternative(key, phrase=" " in key)


def _match_stems(free: list[tuple[str, str]], position: int, key: str) -> int:
    """How many typed words match the significant words of `key`, by stem (stop words and
    plural or accent differences ignored: « operations de revitalisation du territoire »)."""
    wanted = [stem(word) for word in key.split() if word not in STOP_WORDS]
    consumed = 0
    for word, _token in free[position:]:
        if not wanted:
            break
        consumed += 1
        if word in STOP_WORDS:
            continue
        if stem(word) != wanted.pop(0):
            return 0
    return consumed if not wanted and consumed > 1 else 0


def _match_length(free: list[tuple[str, str]], position: int, key: str) -> int:
    key_words = key.split()
    candidate = [word for word, _token in free[position : position + len(key_words)]]
    return len(key_words) if candidate == key_words else 0
