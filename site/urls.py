from django.conf import settings
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from cms.core import routing
from cms.core.views import robots_txt

from .health import health
from .sitemaps import sitemaps

# allauth answers its rate-limited flows through this handler (French page, Retry-After).
handler429 = "community.accounts.views.too_many_requests"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sante/", health, name="health"),
    path("robots.txt", robots_txt, name="robots-txt"),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("", include("cms.territories.urls")),
    path("", include("cms.programme.urls")),
    path("", include("search.urls")),
    path("", include("community.accounts.urls")),
    path("", include("community.directory.urls")),
]

if settings.SERVE_MEDIA:
    # Production puts a web server or object storage in front of MEDIA_ROOT; the embedded
    # default and the single-container stack let Django serve uploads itself.
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

urlpatterns += [
    # Pages are served by Wagtail, through a route cache (cms.core.routing); the rest of
    # Wagtail's front-end URLs (password-protected pages, login) follow.
    re_path(serve_pattern, routing.serve, name="page"),
    path("", include(wagtail_urls)),
]
