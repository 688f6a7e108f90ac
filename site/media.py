"""Public media served by Django (embedded default, single-container stack).

Documents never go through here: they are served by Wagtail's document view, which checks
the privacy of their collection, so `documents/` answers 404 even when the file exists; nor
do forum attachments (`forum/`), served by `community.forum.views.attachment`, which checks
that the reader may read their post.
Everything served is inert: a sandboxing policy stops an SVG or HTML file opened directly
from running scripts, and SVGs are downloaded rather than displayed.
"""

import posixpath

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.views.static import serve

PRIVATE_PREFIXES = ("documents/", "forum/")
MEDIA_POLICY = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox"


def serve_media(request: HttpRequest, path: str) -> HttpResponse:
    # The same normalisation as django.views.static.serve: `images/../documents/` is caught.
    normalised = posixpath.normpath(path).lstrip("/")
    if normalised.lower().startswith(PRIVATE_PREFIXES):
        raise Http404("Ce fichier n’est pas public.")
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Content-Security-Policy"] = MEDIA_POLICY
    response["X-Content-Type-Options"] = "nosniff"
    if normalised.lower().endswith(".svg"):
        response["Content-Disposition"] = "attachment"
    return response
