"""Town names reduced to a form that compares equal however a visitor types them."""

import re
import unicodedata

# NFKD leaves these ligatures whole; French names use them (Œuilly, Lætitia).
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})
_SEPARATORS = re.compile(r"[^a-z0-9]+")


def normalise_name(text: str) -> str:
    """« Saint-Étienne-du-Rouvray » → « saint etienne du rouvray »: no case, accents or
    punctuation, so that `?q=saint etienne` and `?q=Saint-Étienne` find the same towns."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    ascii_text = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _SEPARATORS.sub(" ", ascii_text.lower()).strip()
