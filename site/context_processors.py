"""Context shared by every public template: the cached site chrome."""

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from cms.core.chrome import get_chrome


def portal(request: HttpRequest) -> dict[str, Any]:
    def chrome() -> Any:
        site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
        return get_chrome(site, request)

    return {"chrome": SimpleLazyObject(chrome)}
