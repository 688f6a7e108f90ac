"""The abstract pages every page type of the portal derives from."""

from typing import Any, ClassVar

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import models
from django.http import HttpRequest
from wagtail.models import Page

from cms.core.breadcrumbs import Crumb


class BasePage(Page):
    """Shared behaviour: breadcrumbs from the page tree, SEO and Open Graph metadata."""

    show_in_menus_default = False

    class Meta:
        abstract = True

    def get_breadcrumbs(self) -> list[Crumb]:
        ancestors = self.get_ancestors().filter(depth__gt=2).only("title", "url_path")
        site_root = self.get_site()
        crumbs = [Crumb("Accueil", "/")]
        for ancestor in ancestors:
            crumbs.append(Crumb(ancestor.title, ancestor.get_url(current_site=site_root)))
        return crumbs

    def get_meta_description(self) -> str:
        return self.search_description or getattr(self, "summary", "") or ""

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["breadcrumbs"] = [] if self.depth <= 2 else self.get_breadcrumbs()
        context["meta_description"] = self.get_meta_description()
        return context


class IndexPage(BasePage):
    """A listing of child pages with filters in the URL and pagination."""

    per_page: ClassVar[int] = 12
    introduction = models.TextField("introduction", blank=True)

    content_panels = [*Page.content_panels, "introduction"]

    class Meta:
        abstract = True

    def paginate(self, request: HttpRequest, items: Any) -> PaginatorPage:
        paginator = Paginator(items, self.per_page)
        return paginator.get_page(request.GET.get("page"))
