"""The site-level demo content: the home page, legal pages, menus and settings.

Facts come from `programme.json` (key figures, ambition, axes); nothing is invented.
"""

from wagtail.models import Page, Site

from cms.home.models import HomePage

from .demo import child_page
from .models import NavigationSettings, PortalSettings, SitemapPage, StandardPage

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


def _paragraph(text: str) -> dict:
    return {"type": "paragraph", "value": text}


def _heading(text: str) -> dict:
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


LEGAL_PAGES = {
    "mentions-legales": (
        "Mentions légales",
        "Éditeur, directeur de la publication, hébergement et licence des contenus du portail.",
        [
            _heading("Éditeur"),
            _paragraph(
                "<p>Ce portail est édité par l’Agence nationale de la cohésion des "
                "territoires (ANCT), 20 avenue de Ségur, 75007 Paris.</p>"
            ),
            _heading("Directeur de la publication"),
            _paragraph(
                "<p>Le directeur général de l’Agence nationale de la cohésion des territoires.</p>"
            ),
            _heading("Hébergement"),
            _paragraph(
                "<p>Le portail est hébergé sur une infrastructure souveraine située en France.</p>"
            ),
            _heading("Licence des contenus"),
            _paragraph(
                "<p>Sauf mention contraire, les contenus sont publiés sous licence "
                "ouverte Etalab 2.0. Les données des villes proviennent de l’ANCT et du "
                "code officiel géographique de l’Insee.</p>"
            ),
        ],
    ),
    "accessibilite": (
        "Déclaration d’accessibilité",
        "État de conformité du portail au référentiel général d’amélioration de "
        "l’accessibilité (RGAA).",
        [
            _paragraph(
                "<p>L’Agence nationale de la cohésion des territoires s’engage à rendre "
                "son portail accessible conformément à l’article 47 de la loi n° 2005-102 "
                "du 11 février 2005.</p>"
            ),
            _heading("État de conformité"),
            _paragraph(
                "<p>Le portail Cœur de ville est <b>non conforme</b> au RGAA 4.1 : "
                "l’audit de conformité n’a pas encore été réalisé. Chaque page est "
                "vérifiée automatiquement selon les critères WCAG 2.1 A et AA.</p>"
            ),
            _heading("Retour d’information et contact"),
            _paragraph(
                "<p>Si vous n’arrivez pas à accéder à un contenu ou à un service, "
                "contactez l’équipe du programme pour être orienté vers une alternative "
                "accessible ou obtenir le contenu sous une autre forme.</p>"
            ),
            _heading("Voies de recours"),
            _paragraph(
                "<p>Si vous constatez un défaut d’accessibilité vous empêchant d’accéder "
                "à un contenu et que vous n’obtenez pas de réponse satisfaisante, vous "
                "pouvez écrire au Défenseur des droits ou contacter son délégué dans "
                "votre région.</p>"
            ),
        ],
    ),
    "donnees-personnelles": (
        "Données personnelles",
        "Quelles données le portail traite, pourquoi, combien de temps, et comment exercer "
        "vos droits.",
        [
            _heading("Données traitées"),
            _paragraph(
                "<p>Le portail traite les données nécessaires aux comptes des référents "
                "(nom, adresse électronique, fonction, collectivité) et aux abonnements "
                "à la lettre d’information (adresse électronique et preuve du "
                "consentement).</p>"
            ),
            _heading("Base légale et durée de conservation"),
            _paragraph(
                "<p>Les comptes relèvent de la mission d’intérêt public de l’ANCT ; "
                "l’abonnement repose sur votre consentement, que vous pouvez retirer à "
                "tout moment par le lien présent dans chaque lettre. Les données sont "
                "supprimées trois ans après le dernier contact.</p>"
            ),
            _heading("Vos droits"),
            _paragraph(
                "<p>Vous disposez d’un droit d’accès, de rectification, d’effacement et "
                "d’opposition. Pour les exercer, écrivez au délégué à la protection des "
                "données de l’ANCT. Vous pouvez adresser une réclamation à la CNIL.</p>"
            ),
            _heading("Cookies"),
            _paragraph(
                "<p>Le portail ne dépose aucun cookie de mesure d’audience ni de "
                "publicité ; seuls les cookies techniques de session et de sécurité "
                "sont utilisés.</p>"
            ),
        ],
    ),
}


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


def load_legal_pages(home: HomePage) -> dict[str, Page]:
    pages: dict[str, Page] = {}
    for slug, (title, summary, body) in LEGAL_PAGES.items():
        pages[slug] = child_page(home, StandardPage, slug, title=title, summary=summary, body=body)
    pages["plan-du-site"] = child_page(home, SitemapPage, "plan-du-site", title="Plan du site")
    return pages


def _link(label: str, url: str) -> dict:
    return {"label": label, "page": None, "url": url}


def _page_link(label: str, page: Page) -> dict:
    return {"label": label, "page": page, "url": ""}


def load_settings(home: HomePage, legal: dict[str, Page]) -> None:
    site = Site.objects.get(is_default_site=True)
    portal = PortalSettings.for_site(site)
    if not portal.notice_title:
        portal.notice_enabled = True
        portal.notice_title = "Site de démonstration."
        portal.notice_text = (
            "Les retours d’expérience et actualités présentés ici "
            "illustrent le fonctionnement du portail."
        )
        portal.save()
    navigation = NavigationSettings.for_site(site)
    if not navigation.main_menu:
        navigation.main_menu = [
            (
                "item",
                {
                    "link": _link("Le programme", "/axes/"),
                    "children": [
                        _link("Les axes et thèmes", "/axes/"),
                        _link("Les dispositifs", "/dispositifs/"),
                    ],
                },
            ),
            ("item", {"link": _link("Guides", "/guides/"), "children": []}),
            ("item", {"link": _link("Ressources", "/ressources/"), "children": []}),
            (
                "item",
                {"link": _link("Retours d’expérience", "/retours-d-experience/"), "children": []},
            ),
            (
                "item",
                {
                    "link": _link("Les villes", "/villes/"),
                    "children": [
                        _link("Liste des villes", "/villes/"),
                        _link("Carte des villes", "/carte/"),
                    ],
                },
            ),
            ("item", {"link": _link("Actualités", "/actualites/"), "children": []}),
            ("item", {"link": _link("Presse", "/presse/"), "children": []}),
            (
                "item",
                {
                    "link": _link("Communauté", "/groupes-de-travail/"),
                    "children": [
                        _link("Annuaire des référents", "/annuaire/"),
                        _link("Groupes de travail", "/groupes-de-travail/"),
                        _link("Forum", "/forum/"),
                    ],
                },
            ),
        ]
        navigation.footer_links = [
            ("link", _page_link("Plan du site", legal["plan-du-site"])),
            ("link", _page_link("Accessibilité : non conforme", legal["accessibilite"])),
            ("link", _page_link("Mentions légales", legal["mentions-legales"])),
            ("link", _page_link("Données personnelles", legal["donnees-personnelles"])),
        ]
        navigation.save()


def feature_on_home(home: HomePage, pages: list[Page]) -> None:
    if home.featured or not pages:
        return
    home.featured = [("page", page) for page in pages[:6]]
    home.save_revision().publish()
