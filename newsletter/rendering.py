"""An issue as an e-mail: MJML → HTML with inlined CSS, plus the plain-text part.

Rendering happens once per issue and per preference variant; per-recipient links are
placeholders the sender substitutes, so a send of 10⁵ mails renders a handful of times.
"""

from dataclasses import dataclass

import css_inline
import mjml
from django.template.loader import render_to_string

from .items import Section, resolve_sections
from .links import absolute
from .models import Issue

UNSUBSCRIBE_PLACEHOLDER = "https://placeholder.invalid/unsubscribe"
PREFERENCES_PLACEHOLDER = "https://placeholder.invalid/preferences"
# Mail clients (Gmail) clip messages whose HTML is larger than this.
MAX_HTML_BYTES = 100 * 1024

_INLINER = css_inline.CSSInliner(load_remote_stylesheets=False, keep_at_rules=True)


@dataclass(frozen=True)
class RenderedIssue:
    subject: str
    html: str
    text: str


def _context(issue: Issue, sections: list[Section], *, unsubscribe_url: str, prefs_url: str):
    return {
        "issue": issue,
        "sections": sections,
        "web_url": absolute(issue.get_absolute_url()),
        "archive_url": absolute("/lettre-d-information/archives/"),
        "unsubscribe_url": unsubscribe_url,
        "preferences_url": prefs_url,
    }


def render_issue(
    issue: Issue,
    sections: list[Section] | None = None,
    *,
    unsubscribe_url: str = UNSUBSCRIBE_PLACEHOLDER,
    preferences_url: str = PREFERENCES_PLACEHOLDER,
) -> RenderedIssue:
    if sections is None:
        sections = resolve_sections(issue)
    context = _context(issue, sections, unsubscribe_url=unsubscribe_url, prefs_url=preferences_url)
    source = render_to_string("newsletter/mail/issue.mjml", context)
    html = mjml.mjml2html(source, disable_comments=True, fonts={})
    html = _INLINER.inline(html)
    text = render_to_string("newsletter/mail/issue.txt", context)
    return RenderedIssue(subject=issue.title, html=html, text=text)
