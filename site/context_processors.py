"""Context shared by every public template: the cached site chrome."""

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from cms.core.chrome import get_chrome
from cms.core.sites import site_for_request


def portal(request: HttpRequest) -> dict[str, Any]:
    def chrome() -> Any:
        site = site_for_request(request) or Site.objects.get(is_default_site=True)
        return get_chrome(site, request)

    return {"chrome": SimpleLazyObject(chrome)}
