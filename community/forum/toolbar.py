"""The formatting toolbar: submit buttons that add Markdown to the message server-side, so
it works without JavaScript (the preview does the same)."""

from typing import NamedTuple


class Tool(NamedTuple):
    name: str
    label: str
    snippet: str


TOOLBAR = (
    Tool("bold", "Gras", "**texte en gras**"),
    Tool("italic", "Italique", "*texte en italique*"),
    Tool("list", "Liste", "\n- premier élément\n- deuxième élément\n"),
    Tool("link", "Lien", "[texte du lien](https://)"),
    Tool("quote", "Citation", "\n> citation\n"),
    Tool("code", "Code", "`code`"),
)
_SNIPPETS = {tool.name: tool.snippet for tool in TOOLBAR}


def apply_toolbar(body: str, tool: str) -> str:
    snippet = _SNIPPETS.get(tool)
    if snippet is None:
        return body
    separator = "" if not body or body.endswith(("\n", " ")) or snippet.startswith("\n") else " "
    return f"{body}{separator}{snippet}"
