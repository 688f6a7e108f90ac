"""The home page of the demo site: the programme in brief, key figures and picks.

Its prose is in `demo_data/home.toml`; facts come from `programme.json` (key figures,
ambition, axes); nothing is invented.
"""

from wagtail.models import Page, Site

from cms.core.demo_builders import DemoContext, load_data

from .models import HomePage


def ensure_home() -> HomePage:
    """The portal's home page as the default site's root (replacing Wagtail's welcome page)."""
    home = HomePage.objects.first()
    root = Page.get_first_root_node()
    if home is None:
        fields = load_data(__file__, "home")["home"]
        figures = fields.pop("key_figures")
        home = HomePage(**fields, key_figures=[("figure", figure) for figure in figures])
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Cœur de ville",
        )
    elif site.root_page_id != home.pk:
        welcome = site.root_page
        site.root_page = home
        site.site_name = "Cœur de ville"
        site.save()
        if type(welcome.specific) is Page and not welcome.get_children().exists():
            welcome.delete()
    Site.clear_site_root_paths_cache()
    return home


def load_demo(context: DemoContext) -> None:
    """Features the first guides and case studies once every app has loaded its pages."""
    home = HomePage.objects.get(pk=context.home.pk)

    def pick() -> None:
        featured = [
            page
            for model in ("resourcepage", "casestudypage")
            for page in Page.objects.live().filter(content_type__model=model).order_by("path")[:3]
        ]
        feature_on_home(home, featured)

    context.defer(pick)


def feature_on_home(home: HomePage, pages: list[Page]) -> None:
    if home.featured or not pages:
        return
    home.featured = [("page", page) for page in pages[:6]]
    home.save_revision().publish()
