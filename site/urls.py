from django.conf import settings
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.core.views import robots_txt

from .health import health
from .login_throttling import ThrottledLoginView, ThrottledPasswordResetView
from .media import serve_media
from .sitemaps import sitemaps

# allauth answers its rate-limited flows through this handler (French page, Retry-After).
handler429 = "community.accounts.views.too_many_requests"

urlpatterns = [
    # Wagtail's own views, behind the login throttle (coeurdeville.login_throttling).
    path("admin/login/", ThrottledLoginView.as_view(), name="wagtailadmin_login"),
    path(
        "admin/password_reset/",
        ThrottledPasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
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
    path("", include("community.accounts.urls")),
    path("", include("community.directory.urls")),
    path("", include("community.groups.urls")),
    path("", include("community.forum.urls")),
    path("", include("community.notifications.urls")),
]

if settings.SERVE_MEDIA:
    # Production puts a web server or object storage in front of MEDIA_ROOT; the embedded
    # default and the single-container stack let Django serve uploads itself.
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve_media, name="media"),
    ]

urlpatterns += [
    # Pages, and the login and password forms of private pages, are Wagtail's; their routes
    # are remembered by cms.core.routing.RouteCacheMiddleware.
    path("", include(wagtail_urls)),
]
