"""French text analysis done in Python: accent folding, stop words and Snowball stemming.

The SQLite backend indexes and queries the output of `stems()`; PostgreSQL does the same
work itself with its `french_unaccent` configuration (unaccent, then the same Snowball
French stemmer), so both backends agree on what matches.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

# NFKD leaves these ligatures whole; French words use them (cœur, œuvre).
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})
_WORD = re.compile(r"[a-z0-9]+")
# Control characters (NUL included) never reach an index or a query.
# The two brackets are the PostgreSQL backend's highlight markers.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u27e6\u27e7]")

# PostgreSQL's French stop words, folded (the list both backends ignore).
STOP_WORDS = frozenset(
    [
        "au",
        "aux",
        "avec",
        "ce",
        "ces",
        "dans",
        "de",
        "des",
        "du",
        "elle",
        "en",
        "et",
        "eux",
        "il",
        "ils",
        "je",
        "la",
        "le",
        "les",
        "leur",
        "lui",
        "ma",
        "mais",
        "me",
        "meme",
        "mes",
        "moi",
        "mon",
        "ne",
        "nos",
        "notre",
        "nous",
        "on",
        "ou",
        "par",
        "pas",
        "pour",
        "qu",
        "que",
        "qui",
        "sa",
        "se",
        "ses",
        "son",
        "sur",
        "ta",
        "te",
        "tes",
        "toi",
        "ton",
        "tu",
        "un",
        "une",
        "vos",
        "votre",
        "vous",
        "c",
        "d",
        "j",
        "l",
        "a",
        "m",
        "n",
        "s",
        "t",
        "y",
        "ete",
        "etee",
        "etees",
        "etes",
        "etant",
        "etante",
        "etants",
        "etantes",
        "suis",
        "es",
        "est",
        "sommes",
        "etes",
        "sont",
        "serai",
        "seras",
        "sera",
        "serons",
        "serez",
        "seront",
        "serais",
        "serait",
        "serions",
        "seriez",
        "seraient",
        "etais",
        "etait",
        "etions",
        "etiez",
        "etaient",
        "fus",
        "fut",
        "fumes",
        "futes",
        "furent",
        "sois",
        "soit",
        "soyons",
        "soyez",
        "soient",
        "fusse",
        "fusses",
        "fut",
        "fussions",
        "fussiez",
        "fussent",
        "ayant",
        "ayante",
        "ayantes",
        "ayants",
        "eu",
        "eue",
        "eues",
        "eus",
        "ai",
        "as",
        "avons",
        "avez",
        "ont",
        "aurai",
        "auras",
        "aura",
        "aurons",
        "aurez",
        "auront",
        "aurais",
        "aurait",
        "aurions",
        "auriez",
        "auraient",
        "avais",
        "avait",
        "avions",
        "aviez",
        "avaient",
        "eut",
        "eumes",
        "eutes",
        "eurent",
        "aie",
        "aies",
        "ait",
        "ayons",
        "ayez",
        "aient",
        "eusse",
        "eusses",
        "eut",
        "eussions",
        "eussiez",
        "eussent",
    ]
)

_stemmer = snowballstemmer.stemmer("french")


def clean(text: str) -> str:
    """Without control characters, Unicode-normalised (composed)."""
    return unicodedata.normalize("NFC", _CONTROL.sub(" ", text))


def fold(text: str) -> str:
    """« Opération Cœur » → « operation coeur »: lower case, no accents or ligatures."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


# Folding is character by character (NFKD decomposes each character on its own and the
# only reordering it does is among combining marks, which are dropped), and whitespace
# folds to whitespace: the words of a text are the words of its whitespace-separated
# tokens, each folded once and remembered. Indexing 100,000 documents spent most of its
# Python time folding the same few thousand words character by character.
@lru_cache(maxsize=1 << 17)
def fold_word(word: str) -> str:
    """`fold()` of one word, remembered (snippets fold every word of every extract)."""
    return fold(word)


@lru_cache(maxsize=1 << 17)
def _token_words(token: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(token)))


@lru_cache(maxsize=1 << 17)
def _token_stems(token: str) -> tuple[str, ...]:
    return tuple(stem(word) for word in _token_words(token) if word not in STOP_WORDS)


def words(text: str) -> list[str]:
    """The folded words of `text`, stop words included (for phrases and suggestions)."""
    if text.isascii():
        return _WORD.findall(text.lower())
    return [word for token in text.split() for word in _token_words(token)]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


def stems(text: str) -> list[str]:
    """The stems of the significant words of `text`, in order."""
    return [stem_ for token in text.split() for stem_ in _token_stems(token)]


def name_key(text: str) -> str:
    """A name as visitors may type it: « St-Dié-des-Vosges » → « saint die des vosges »."""
    return " ".join(
        "saint" if word == "st" else "sainte" if word == "ste" else word for word in words(text)
    )
