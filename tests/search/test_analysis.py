"""Words are folded token by token (and remembered) for speed: they must stay exactly the
words of the whole folded text, which is what both database backends index and match."""

import random

from search.analysis import _WORD, STOP_WORDS, fold, stem, stems, words

SAMPLES = [
    "Opération Cœur de Ville : ÉQUIPEMENTS publics",
    "St-Dié-des-Vosges, l’Œuvre d’art\u00a0; Saint\u2009Brieuc",
    "e\u0301quipement cafe\u0301s — GROẞE Straße ﬁnances ½ № ℃ ²",
    "\tligne\nnouvelle\u3000espace\u200bzéro-width",
    "",
]


def reference_words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def test_words_and_stems_are_those_of_the_whole_folded_text():
    rng = random.Random(7)
    alphabet = "aéÉœŒßẞİﬁ½²℃ \t\n\u00a0\u2009-’'.,:0123456789\u0301\u0327" + "".join(
        map(chr, range(0x20, 0x250))
    )
    texts = SAMPLES + ["".join(rng.choices(alphabet, k=rng.randint(1, 40))) for _ in range(3000)]
    for text in texts:
        assert words(text) == reference_words(text), text
        expected = [stem(word) for word in reference_words(text) if word not in STOP_WORDS]
        assert stems(text) == expected, text
