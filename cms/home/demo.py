"""The home page of the demo site: the programme in brief, key figures and picks.

Facts come from `programme.json` (key figures, ambition, axes); nothing is invented.
"""

from wagtail.models import Page, Site

from cms.core.demo_builders import DemoContext

from .models import HomePage

HOME_PRESENTATION = (
    "<p>Lancé en 2018, le programme <b>Action cœur de ville</b> poursuit une double ambition : "
    "améliorer les conditions de vie des habitants des villes moyennes et conforter le rôle "
    "de moteur de ces villes dans le développement du territoire.</p>"
    "<p>Prolongé jusqu’en 2026, il accompagne 245 communes sur 232 territoires, en métropole "
    "et outre-mer. Chaque ville construit, avec son intercommunalité, l’État et les partenaires "
    "du programme, un projet global de redynamisation décliné selon cinq axes et trois thèmes "
    "transversaux, inscrit dans une convention-cadre qui vaut opération de revitalisation de "
    "territoire (ORT).</p>"
)

KEY_FIGURES = [
    ("245", "communes bénéficiaires"),
    ("232", "territoires en métropole et outre-mer"),
    ("23 %", "de la population française vit dans les villes moyennes"),
    ("26 %", "de l’emploi total est concentré dans les villes moyennes"),
    ("7 000", "projets recensés fin 2022"),
    ("5 Md€", "mobilisés sur cinq ans à l’échelle nationale"),
]


def ensure_home() -> HomePage:
    """The portal's home page as the default site's root (replacing Wagtail's welcome page)."""
    home = HomePage.objects.first()
    root = Page.get_first_root_node()
    if home is None:
        home = HomePage(
            title="Accueil",
            slug="accueil",
            hero_title="Redonner vie aux cœurs des villes moyennes",
            hero_text="Le portail de ressources et la plateforme communautaire du programme "
            "national Action cœur de ville : guides, retours d’expérience des villes, "
            "carte des 245 communes et actualités.",
            presentation=HOME_PRESENTATION,
            key_figures=[
                ("figure", {"figure": figure, "label": label}) for figure, label in KEY_FIGURES
            ],
            seo_title="Cœur de ville — le portail du programme Action cœur de ville",
            search_description="Guides, ressources, retours d’expérience et carte des 245 villes "
            "du programme national Action cœur de ville.",
        )
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
