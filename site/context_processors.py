"""Context shared by every public template: the cached site chrome."""

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from cms.core.chrome import NO_CHROME, get_chrome
from cms.core.sites import site_for_request


def portal(request: HttpRequest) -> dict[str, Any]:
    def chrome() -> Any:
        site = site_for_request(request) or Site.objects.filter(is_default_site=True).first()
        # No site for the host and none by default (Wagtail's 404): a page without menus.
        return NO_CHROME if site is None else get_chrome(site, request)

    return {"chrome": SimpleLazyObject(chrome)}
