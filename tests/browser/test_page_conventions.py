"""What every page type must show a visitor, checked in Chromium under the site's own CSP."""

import pytest

from .audit import PageAudit

pytestmark = pytest.mark.browser

SECTIONS = (
    "guides",
    "ressources",
    "retours-d-experience",
    "actualites",
    "presse",
    "dispositifs",
    "villes",
    "axes",
    "mentions-legales",
    "accessibilite",
    "donnees-personnelles",
    "plan-du-site",
)


def problems_of(audit: PageAudit) -> list[str]:
    problems = []
    if audit.status != audit.page.expected_status:
        problems.append(f"HTTP {audit.status} instead of {audit.page.expected_status}")
    if audit.lang != "fr":
        problems.append(f'<html lang="{audit.lang}"> instead of lang="fr"')
    if audit.h1_count != 1:
        problems.append(f"{audit.h1_count} <h1> instead of one")
    if not audit.has_dsfr_header:
        problems.append("no DSFR header (header.fr-header)")
    if not audit.dsfr_js_ran:
        problems.append("the DSFR JavaScript did not start (no data-fr-js on <html>)")
    policy = audit.headers.get("content-security-policy")
    if not policy:
        problems.append("no Content-Security-Policy header")
    else:
        directives = {
            part.split()[0]: part for part in (chunk.strip() for chunk in policy.split(";")) if part
        }
        script_src = directives.get("script-src", directives.get("default-src", ""))
        if "'unsafe-inline'" in script_src:
            problems.append(f"CSP allows inline scripts: {script_src}")
    problems.extend(audit.browser_errors)
    return problems


def test_every_page_type_follows_the_portal_conventions(page_audits):
    report = {audit.path: problems for audit in page_audits if (problems := problems_of(audit))}
    assert not report, "\n" + "\n".join(
        f"{path}\n" + "\n".join(f"  - {problem}" for problem in problems)
        for path, problems in report.items()
    )


def test_sitemap_lists_every_section(pages_checked):
    """Each section of the portal has at least one page in /sitemap.xml (and so is checked)."""
    listed = {page.kind[0] for page in pages_checked}
    assert not set(SECTIONS) - listed, f"missing from the sitemap: {sorted(set(SECTIONS) - listed)}"


def test_detail_pages_are_checked_for_every_content_section(pages_checked):
    kinds = {page.kind for page in pages_checked}
    for section in (
        "guides",
        "ressources",
        "retours-d-experience",
        "actualites",
        "presse",
        "villes",
        "axes",
    ):
        assert (section, 2) in kinds, f"no /{section}/<slug>/ page in the sitemap"
