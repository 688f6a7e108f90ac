"""Context shared by every public template: the cached site chrome."""

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from cms.core.chrome import NO_CHROME, get_chrome
from cms.core.sites import site_for_request


def portal(request: HttpRequest) -> dict[str, Any]:
    def chrome() -> Any:
        # Wagtail's site for the host, else the default site (`choose_site`); None only
        # when there is no default either (Wagtail's 404): a page without menus.
        site = site_for_request(request)
        return NO_CHROME if site is None else get_chrome(site, request)

    return {"chrome": SimpleLazyObject(chrome)}
