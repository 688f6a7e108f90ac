"""What the browser tests record about one page: what a visitor's browser saw, and axe-core's
verdict. Each page is opened twice: once with its Content-Security-Policy enforced (does the
page work under it?), once with CSP bypassed so that axe-core can be injected. Each of the two
passes shares one browser context (and so its HTTP cache) across pages, as a visitor would.
"""

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Response
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from .pages import SitePage

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DSFR_JS_STARTED = "() => document.documentElement.hasAttribute('data-fr-js')"
DSFR_JS_WAIT_MS = 5000


@dataclass
class PageAudit:
    page: SitePage
    status: int
    headers: dict[str, str]
    html: str
    lang: str | None
    h1_count: int
    has_dsfr_header: bool
    dsfr_js_ran: bool
    browser_errors: list[str] = field(default_factory=list)
    axe_violations: list[dict] = field(default_factory=list)

    @property
    def path(self) -> str:
        return self.page.path


def _wait_for_dsfr_js(page: Page) -> bool:
    try:
        page.wait_for_function(DSFR_JS_STARTED, timeout=DSFR_JS_WAIT_MS)
    except PlaywrightTimeoutError:
        return False
    return True


def visit(context: BrowserContext, base_url: str, site_page: SitePage) -> PageAudit:
    """Opens the page as a visitor would, with the site's CSP enforced."""
    page = context.new_page()
    errors: list[str] = []
    origin = urlsplit(base_url).netloc

    def on_response(response: Response) -> None:
        # Only the site's own resources: this machine reaches no other host.
        if (
            response.request.resource_type != "document"
            and urlsplit(response.url).netloc == origin
            and response.status >= 400
        ):
            errors.append(f"{response.status} on {urlsplit(response.url).path}")

    def on_console(message: ConsoleMessage) -> None:
        # Failed loads are reported by `on_response`, with their address.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            errors.append(f"console: {message.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(f"JavaScript error: {error}"))
    page.on("response", on_response)
    try:
        response = page.goto(site_page.path, wait_until="load")
        assert response is not None, f"no response for {site_page.path}"
        dsfr_js_ran = _wait_for_dsfr_js(page)
        page.evaluate("() => document.fonts.ready.then(() => true)")
        return PageAudit(
            page=site_page,
            status=response.status,
            headers=response.all_headers(),
            html=response.text(),
            lang=page.get_attribute("html", "lang"),
            h1_count=page.locator("h1").count(),
            has_dsfr_header=page.locator("header.fr-header").count() == 1,
            dsfr_js_ran=dsfr_js_ran,
            browser_errors=errors,
        )
    finally:
        page.close()


def run_axe(context: BrowserContext, path: str, axe_script: Path) -> list[dict]:
    """axe-core's WCAG 2.1 A/AA violations on the page, once the DSFR script has run."""
    page = context.new_page()
    try:
        page.goto(path, wait_until="load")
        _wait_for_dsfr_js(page)
        page.add_script_tag(path=str(axe_script))
        result = page.evaluate(
            "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
            AXE_TAGS,
        )
    finally:
        page.close()
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "targets": [", ".join(map(str, node["target"])) for node in violation["nodes"]],
        }
        for violation in result["violations"]
    ]


def audit_pages(
    browser: Browser, base_url: str, pages: list[SitePage], axe_script: Path
) -> list[PageAudit]:
    visitor = browser.new_context(base_url=base_url)
    # add_script_tag inserts an inline script, which the site's CSP rightly refuses.
    checker = browser.new_context(base_url=base_url, bypass_csp=True)
    try:
        audits = []
        for site_page in pages:
            result = visit(visitor, base_url, site_page)
            result.axe_violations = run_axe(checker, site_page.path, axe_script)
            audits.append(result)
        return audits
    finally:
        visitor.close()
        checker.close()
