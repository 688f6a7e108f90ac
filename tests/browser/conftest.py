"""Fixtures of the browser tests: the demo site served by gunicorn with the production
settings, Debian's Chromium driven by Playwright, and the checkers from node_modules.

A missing tool skips these tests on a developer's machine (with how to get it) and fails
them in CI, where everything must be there.
"""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from .audit import PageAudit, audit_pages
from .pages import SitePage, pages_to_check
from .served_site import REPO_DIR, ServedSite

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_SCRIPT = REPO_DIR / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = REPO_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def require(condition: bool, message: str) -> None:
    """Skips on a developer's machine, fails in CI (where `CI` is set)."""
    if condition:
        return
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def chromium_executable() -> Path:
    require(
        CHROMIUM.exists(),
        f"{CHROMIUM} is missing: install Debian's Chromium with "
        "`apt-get install --no-install-recommends chromium` (or run "
        "`scripts/ensure-debian-packages /usr/bin/chromium:chromium` as root)",
    )
    return CHROMIUM


@pytest.fixture(scope="session")
def axe_script() -> Path:
    require(AXE_SCRIPT.exists(), f"{AXE_SCRIPT} is missing: run `npm ci`")
    return AXE_SCRIPT


@pytest.fixture(scope="session")
def vnu_jar() -> Path:
    require(VNU_JAR.exists(), f"{VNU_JAR} is missing: run `npm ci`")
    require(
        shutil.which("java") is not None,
        "java is missing (the Nu HTML checker needs Java 17 or later): "
        "`apt-get install --no-install-recommends default-jre-headless`",
    )
    return VNU_JAR


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict, chromium_executable: Path) -> dict:
    # Debian's Chromium, never a browser downloaded by `playwright install`.
    return {
        **browser_type_launch_args,
        "executable_path": str(chromium_executable),
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def served_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The demo site (migrate, load_demo, collectstatic) served by gunicorn on loopback."""
    site = ServedSite(tmp_path_factory.mktemp("served-site"), workers=2, threads=4)
    site.build()
    site.start()
    try:
        yield site
    finally:
        site.stop()


@pytest.fixture(scope="session")
def base_url(chromium_executable: Path, served_site: ServedSite) -> str:
    """pytest-playwright's `page` resolves relative paths against the served site (which is
    not built at all when there is no browser to look at it)."""
    return served_site.base_url


@pytest.fixture(scope="session")
def pages_checked(served_site: ServedSite) -> list[SitePage]:
    return pages_to_check(served_site.base_url)


@pytest.fixture(scope="session")
def page_audits(
    browser: Browser, served_site: ServedSite, pages_checked: list[SitePage], axe_script: Path
) -> list[PageAudit]:
    """Every checked page, opened once with its CSP and once with axe-core."""
    return audit_pages(browser, served_site.base_url, pages_checked, axe_script)
