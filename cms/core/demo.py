"""The site-wide demo content of `cms.core`: legal pages, the sitemap page, menus and the
portal settings. Run by `manage.py load_demo` (see `coeurdeville.demo`)."""

from wagtail.models import Page, Site

from .demo_builders import DemoContext, child_page, heading, paragraph
from .models import NavigationSettings, PortalSettings, SitemapPage, StandardPage

LEGAL_PAGES = {
    "mentions-legales": (
        "Mentions légales",
        "Éditeur, directeur de la publication, hébergement et licence des contenus du portail.",
        [
            heading("Éditeur"),
            paragraph(
                "<p>Ce portail est édité par l’Agence nationale de la cohésion des "
                "territoires (ANCT), 20 avenue de Ségur, 75007 Paris.</p>"
            ),
            heading("Directeur de la publication"),
            paragraph(
                "<p>Le directeur général de l’Agence nationale de la cohésion des territoires.</p>"
            ),
            heading("Hébergement"),
            paragraph(
                "<p>Le portail est hébergé sur une infrastructure souveraine située en France.</p>"
            ),
            heading("Licence des contenus"),
            paragraph(
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
            paragraph(
                "<p>L’Agence nationale de la cohésion des territoires s’engage à rendre "
                "son portail accessible conformément à l’article 47 de la loi n° 2005-102 "
                "du 11 février 2005.</p>"
            ),
            heading("État de conformité"),
            paragraph(
                "<p>Le portail Cœur de ville est <b>non conforme</b> au RGAA 4.1 : "
                "l’audit de conformité n’a pas encore été réalisé. Chaque page est "
                "vérifiée automatiquement selon les critères WCAG 2.1 A et AA.</p>"
            ),
            heading("Retour d’information et contact"),
            paragraph(
                "<p>Si vous n’arrivez pas à accéder à un contenu ou à un service, "
                "contactez l’équipe du programme pour être orienté vers une alternative "
                "accessible ou obtenir le contenu sous une autre forme.</p>"
            ),
            heading("Voies de recours"),
            paragraph(
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
            heading("Données traitées"),
            paragraph(
                "<p>Le portail traite les données nécessaires aux comptes des référents "
                "(nom, adresse électronique, fonction, collectivité) et aux abonnements "
                "à la lettre d’information (adresse électronique et preuve du "
                "consentement).</p>"
            ),
            heading("Base légale et durée de conservation"),
            paragraph(
                "<p>Les comptes relèvent de la mission d’intérêt public de l’ANCT ; "
                "l’abonnement repose sur votre consentement, que vous pouvez retirer à "
                "tout moment par le lien présent dans chaque lettre. Les données sont "
                "supprimées trois ans après le dernier contact.</p>"
            ),
            heading("Vos droits"),
            paragraph(
                "<p>Vous disposez d’un droit d’accès, de rectification, d’effacement et "
                "d’opposition. Pour les exercer, écrivez au délégué à la protection des "
                "données de l’ANCT. Vous pouvez adresser une réclamation à la CNIL.</p>"
            ),
            heading("Cookies"),
            paragraph(
                "<p>Le portail ne dépose aucun cookie de mesure d’audience ni de "
                "publicité ; seuls les cookies techniques de session et de sécurité "
                "sont utilisés.</p>"
            ),
        ],
    ),
}


def load_demo(context: DemoContext) -> None:
    legal = load_legal_pages(context.home)
    context.pages.update(legal)
    load_settings(legal)


def load_legal_pages(home: Page) -> dict[str, Page]:
    pages: dict[str, Page] = {}
    for slug, (title, summary, body) in LEGAL_PAGES.items():
        pages[slug] = child_page(home, StandardPage, slug, title=title, summary=summary, body=body)
    pages["plan-du-site"] = child_page(home, SitemapPage, "plan-du-site", title="Plan du site")
    return pages


def _link(label: str, url: str) -> dict:
    return {"label": label, "page": None, "url": url}


def _page_link(label: str, page: Page) -> dict:
    return {"label": label, "page": page, "url": ""}


def load_settings(legal: dict[str, Page]) -> None:
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
                    "link": _link("Communauté", "/annuaire/"),
                    "children": [_link("Annuaire des référents", "/annuaire/")],
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
