"""@mentions: `@prenom.nom` names a member; the handle is built from their name."""

import re
import unicodedata
from typing import Any

from django.contrib.auth import get_user_model
from django.utils.text import slugify

MENTION_PATTERN = re.compile(r"(?<![\w@/.])@([a-z0-9-]+\.[a-z0-9-]+)\b", re.IGNORECASE)
MAX_MENTIONS = 10


def handle_of(user: Any) -> str:
    return f"{slugify(user.first_name)}.{slugify(user.last_name)}"


def mentioned_handles(text: str) -> list[str]:
    """The distinct handles written in a post, outside code."""
    without_code = re.sub(r"```.*?```|`[^`]*`", "", text, flags=re.DOTALL)
    seen: dict[str, None] = {}
    for match in MENTION_PATTERN.finditer(without_code):
        seen.setdefault(match.group(1).lower(), None)
    return list(seen)


def _initials(letter: str) -> set[str]:
    """Every first letter whose slug starts with `letter` (é, è, ê… for e)."""
    variants = {letter, letter.upper()}
    for char in "àâäáãåçéèêëíìîïñóòôöõúùûüýÿæœ":
        if unicodedata.normalize("NFKD", char)[0] == letter:
            variants |= {char, char.upper()}
    return variants


def resolve(handles: list[str]) -> tuple[dict[str, list[Any]], list[str]]:
    """Members named by each handle, and the handles that name nobody."""
    User = get_user_model()
    found: dict[str, list[Any]] = {}
    for handle in handles[:MAX_MENTIONS]:
        last = handle.split(".", 1)[1]
        candidates = User.objects.filter(
            is_active=True,
            last_name__regex="^[" + "".join(re.escape(c) for c in sorted(_initials(last[0]))) + "]",
        ).only("pk", "first_name", "last_name", "email", "is_active", "is_staff")
        matches = [user for user in candidates if handle_of(user) == handle]
        if matches:
            found[handle] = matches
    missing = [handle for handle in handles if handle not in found]
    return found, missing
