from django.conf import settings
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.core.views import robots_txt

from .health import health
from .sitemaps import sitemaps

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sante/", health, name="health"),
    path("lettre-d-information/", include("newsletter.urls")),
    path("anymail/", include("anymail.urls")),
    path("robots.txt", robots_txt, name="robots-txt"),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("", include("cms.territories.urls")),
    path("", include("cms.programme.urls")),
    path("", include("search.urls")),
]

if settings.SERVE_MEDIA:
    # Production puts a web server or object storage in front of MEDIA_ROOT; the embedded
    # default and the single-container stack let Django serve uploads itself.
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

urlpatterns += [
    # Pages, and the login and password forms of private pages, are Wagtail's; their routes
    # are remembered by cms.core.routing.RouteCacheMiddleware.
    path("", include(wagtail_urls)),
]
