"""Highlighted extracts computed in Python (SQLite backend; fallback elsewhere)."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .analysis import STOP_WORDS, fold_word, stem
from .query import ParsedQuery

_TOKEN = re.compile(r"\w+", re.UNICODE)
WINDOW = 32


def query_stems(query: ParsedQuery) -> set[str]:
    return {
        stem(word)
        for group in query.groups
        for alternative in group
        for word in alternative.text.split()
        if word not in STOP_WORDS
    }


def highlight(text: str, query: ParsedQuery, window: int = WINDOW) -> SafeString:
    """About `window` words of `text` around the first match, matches in <mark>, escaped."""
    wanted = query_stems(query)
    tokens = list(_TOKEN.finditer(text))
    if not tokens:
        return mark_safe("")
    # Each word folded once, and no further than the window of the first match: on a
    # search page of long texts this was most of the Python time.
    matches: list[int] = []
    last = len(tokens)
    for index, token in enumerate(tokens):
        if index >= last:
            break
        word = fold_word(token.group())
        if word not in STOP_WORDS and stem(word) in wanted:
            if not matches:
                last = max(0, index - 8) + window
            matches.append(index)
    first = max(0, matches[0] - 8) if matches else 0
    last = min(len(tokens), first + window)
    start = tokens[first].start()
    end = tokens[last - 1].end()
    marked = set(matches)
    parts = ["… " if first else ""]
    position = start
    for index in range(first, last):
        token = tokens[index]
        parts.append(escape(text[position : token.start()]))
        word = escape(token.group())
        parts.append(f"<mark>{word}</mark>" if index in marked else word)
        position = token.end()
    parts.append(escape(text[position:end]))
    if last < len(tokens):
        parts.append(" …")
    return mark_safe("".join(parts))
