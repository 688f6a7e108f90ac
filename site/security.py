"""Content-Security-Policy with a per-request nonce for the few scripts we load."""

import secrets
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

PUBLIC_POLICY = (
    "default-src 'self'; "
    "script-src 'self' 'nonce-{nonce}'; "
    "style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; "
    "font-src 'self'; "
    "connect-src 'self'; "
    "frame-src https://www.youtube-nocookie.com https://player.vimeo.com "
    "https://www.dailymotion.com; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
# The Wagtail admin ships inline handlers of its own; it is for signed-in staff only.
EXEMPT_PREFIXES = ("/admin/", "/django-admin/")


def new_nonce() -> str:
    """A fresh nonce: one per response, including pages served whole from the page cache."""
    return secrets.token_urlsafe(16)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.csp_nonce = new_nonce()
        response = self.get_response(request)
        if (
            settings.CSP_ENABLED
            and not request.path.startswith(EXEMPT_PREFIXES)
            and "Content-Security-Policy" not in response
        ):
            response["Content-Security-Policy"] = PUBLIC_POLICY.format(nonce=request.csp_nonce)
        return response
