"""Demo news and press space, written from the seed documents and programme.json.

Dates are those of the events and publications the seeds mention (the 2018 launch, the
Cerema convention-cadre, the ANCT resources' publication dates); where a seed gives no
day, a plausible one is used. No figure appears that the seeds do not give.
"""

import datetime
from dataclasses import dataclass

from django.utils.text import slugify
from taggit.models import Tag
from wagtail.models import Page

from cms.core.demo_builders import (
    DemoContext,
    child_page,
    demo_image,
    demo_pdf,
    heading,
    key_figures,
    paragraph,
)
from cms.programme.models import Topic
from cms.territories.models import Town

from .models import (
    NewsIndexPage,
    NewsPage,
    NewsPageTag,
    PressContact,
    PressIndexPage,
    PressKit,
    PressReleaseDocument,
    PressReleasePage,
)

AXES = (
    "habitat",
    "economie-et-commerce",
    "mobilite",
    "espace-public-et-patrimoine",
    "equipements-et-services-publics",
)
AXES_LIST = (
    "<ul>"
    "<li>de la réhabilitation à la restructuration : vers une offre attractive de l’habitat "
    "en centre-ville ;</li>"
    "<li>favoriser un développement économique et commercial équilibré ;</li>"
    "<li>développer l’accessibilité, la mobilité et les connexions ;</li>"
    "<li>mettre en valeur les formes urbaines, l’espace public et le patrimoine ;</li>"
    "<li>fournir l’accès aux équipements et services publics.</li>"
    "</ul>"
)
ACV2_PRIORITIES = (
    "<ul>"
    "<li>accompagner les villes pour relever le défi de la transition écologique ;</li>"
    "<li>conforter le socle de services, le vivier d’emploi et le rôle de centralité des "
    "villes moyennes pour l’ensemble de leur territoire ;</li>"
    "<li>revitaliser prioritairement leur centre-ville afin d’y (re)mettre habitants et "
    "activités dans un cadre de vie accueillant, agréable et inclusif ;</li>"
    "<li>accélérer le passage à l’opérationnel des actions, en apportant aux villes "
    "l’accompagnement nécessaire à la mise en œuvre de projets transversaux plus complexes "
    "et des financements adaptés.</li>"
    "</ul>"
)
# Laureate sites of the 2022 session (data/rncv_2022_laureats_partiel.csv): INSEE code, site.
RNCV_2022_SITES = (
    ("81004", "Albi", "les terrasses « Saint-Salvi »"),
    ("13004", "Arles", "l’ancien collège Mistral"),
    ("55029", "Bar-le-Duc", "le collège Gilles de Trèves"),
    ("59183", "Dunkerque", "les Bains dunkerquois"),
    ("09122", "Foix", "l’ancien hôtel du tourisme"),
    ("63300", "Riom", "l’ancien centre de détention"),
    ("97311", "Saint-Laurent-du-Maroni", "l’ancien hôpital"),
)


@dataclass(frozen=True)
class Item:
    slug: str
    title: str
    published_on: datetime.date
    summary: str
    body: tuple[dict, ...]
    topics: tuple[str, ...]
    tags: tuple[str, ...]
    colour: str
    towns: tuple[str, ...] = ()


NEWS = (
    Item(
        slug="222-villes-retenues-pour-action-coeur-de-ville",
        title="222 villes retenues pour le programme Action cœur de ville",
        published_on=datetime.date(2018, 3, 27),
        summary="Le comité national de pilotage a sélectionné le 26 mars 2018 les villes "
        "moyennes qui bénéficieront du programme : 222 villes ou binômes de villes "
        "signeront une convention de revitalisation sur cinq ans.",
        body=(
            paragraph(
                "<p>Annoncé en décembre 2017, le plan Action cœur de ville répond à une "
                "double ambition : améliorer les conditions de vie des habitants des villes "
                "moyennes et conforter le rôle de moteur de ces villes dans le développement "
                "du territoire.</p>"
                "<p>Sur proposition du ministre chargé de la Cohésion des territoires, le "
                "comité national de pilotage a retenu 222 villes ou binômes de villes parmi "
                "les communes proposées par les préfets. Ce sont des villes « pôles "
                "d’attractivité », hors du périmètre des métropoles, volontaires et porteuses "
                "d’un projet partagé avec leur intercommunalité.</p>"
            ),
            key_figures(
                "Le programme en bref",
                [
                    ("222", "villes ou binômes de villes retenus"),
                    ("5 Md€", "mobilisés sur cinq ans à l’échelle nationale"),
                    ("5 ans", "durée de la convention de revitalisation"),
                ],
            ),
            heading("Cinq axes structurants"),
            paragraph(
                f"<p>Les projets de revitalisation s’organisent autour de cinq axes :</p>"
                f"{AXES_LIST}"
            ),
            heading("Les prochaines étapes"),
            paragraph(
                "<p>Chaque ville installe son comité de projet et désigne son directeur de "
                "projet. La convention-cadre pluriannuelle doit être signée au plus tard à "
                "la fin du mois de septembre 2018 ; elle sera complétée par un avenant à "
                "l’issue de la phase d’initialisation, qui dure de un à dix-huit mois.</p>"
            ),
        ),
        topics=AXES,
        tags=("lancement", "convention-cadre"),
        colour="bleu",
    ),
    Item(
        slug="le-cerema-s-engage-aupres-des-villes-du-programme",
        title="Le Cerema s’engage aux côtés des villes du programme",
        published_on=datetime.date(2018, 10, 18),
        summary="Une convention-cadre de partenariat signée avec le ministère de la Cohésion "
        "des territoires précise le rôle du Cerema : appui à l’animation nationale du "
        "programme et expertise technique pour les collectivités.",
        body=(
            paragraph(
                "<p>Lancé en mars 2018, le programme entre dans sa phase opérationnelle. La "
                "ministre de la Cohésion des territoires et des Relations avec les "
                "collectivités territoriales a signé avec le Cerema une convention-cadre de "
                "partenariat pour sa mise en œuvre.</p>"
            ),
            heading("Deux missions confiées au Cerema"),
            paragraph(
                "<ul>"
                "<li><b>Soutien à l’animation nationale</b>, en appui au Commissariat général "
                "à l’égalité des territoires (CGET) : co-animation de groupes de travail "
                "thématiques, contribution à la diffusion et à la communication, "
                "contribution à l’appel à manifestation d’intérêt « Réinventons nos cœurs "
                "de ville » ;</li>"
                "<li><b>Soutien aux collectivités</b> dans leur projet : conseil amont, "
                "expertise technique, accompagnement des appels à projets locaux "
                "« Réinventons nos cœurs de ville ».</li>"
                "</ul>"
            ),
            paragraph(
                "<p>Aménagement, urbanisme, transition écologique, mobilité, commerce en "
                "ville : le Cerema apporte aux villes une expertise sur des sujets au cœur "
                "de leurs projets. Les conventions avec les 222 villes ont presque toutes "
                "été signées, et ses travaux ont déjà commencé sur plusieurs "
                "territoires.</p>"
            ),
        ),
        topics=("espace-public-et-patrimoine", "mobilite", "innovation"),
        tags=("Cerema", "partenaires"),
        colour="turquoise",
    ),
    Item(
        slug="atlas-action-coeur-de-ville",
        title="L’atlas Action cœur de ville : cartes et indicateurs",
        published_on=datetime.date(2022, 6, 27),
        summary="L’ANCT publie un atlas qui réunit cartes et indicateurs pour situer les "
        "villes du programme et suivre leur évolution.",
        body=(
            paragraph(
                "<p>Où se trouvent les villes du programme, quelles sont leurs "
                "caractéristiques, comment évoluent-elles ? L’atlas Action cœur de ville "
                "rassemble des cartes et des indicateurs qui aident élus, équipes projet et "
                "partenaires à situer leur ville parmi les autres.</p>"
                '<p>Il complète la <a href="/carte/">carte interactive des villes</a> du '
                "portail, qui donne pour chaque commune son territoire, son "
                "intercommunalité et la date de signature de sa convention.</p>"
            ),
        ),
        topics=("numerique",),
        tags=("publication", "données"),
        colour="violet",
    ),
    Item(
        slug="reinventons-nos-coeurs-de-ville-les-sites-laureats-2022",
        title="Réinventons nos cœurs de ville : 30 sites lauréats en 2022",
        published_on=datetime.date(2022, 7, 8),
        summary="La deuxième session de « Réinventons nos cœurs de ville » distingue 30 sites "
        "dans les villes du programme : îlots, anciens équipements publics et "
        "bâtiments de caractère à faire revivre.",
        body=(
            paragraph(
                "<p>« Réinventons nos cœurs de ville » invite les villes du programme à "
                "proposer un site de leur centre à des équipes de concepteurs et "
                "d’opérateurs, qui y imaginent un projet mêlant logements, activités et "
                "services. Lors de la première session, en 2019, 112 villes avaient proposé "
                "un site.</p>"
            ),
            heading("Quelques sites lauréats"),
            paragraph(
                "<ul>"
                + "".join(f"<li>{town} : {site} ;</li>" for _, town, site in RNCV_2022_SITES[:-1])
                + f"<li>{RNCV_2022_SITES[-1][1]} : {RNCV_2022_SITES[-1][2]}.</li></ul>"
            ),
            paragraph(
                "<p>Les villes lauréates lancent maintenant leur consultation locale ; le "
                "Cerema et les partenaires du programme les accompagnent jusqu’au choix "
                "des projets.</p>"
            ),
        ),
        topics=("espace-public-et-patrimoine", "habitat", "innovation"),
        tags=("Réinventons nos cœurs de ville", "appel à projets"),
        colour="ocre",
        towns=tuple(insee for insee, _, _ in RNCV_2022_SITES),
    ),
    Item(
        slug="action-coeur-de-ville-2-prolonge-jusqu-en-2026",
        title="Action cœur de ville 2 : le programme prolongé jusqu’en 2026",
        published_on=datetime.date(2023, 1, 12),
        summary="Après une première phase qui a recensé plus de 7 000 projets, le programme "
        "se poursuit jusqu’en 2026 autour de quatre priorités, avec un accent sur les "
        "quartiers de gare et les entrées de ville.",
        body=(
            paragraph(
                "<p>Plus de 7 000 projets ont été recensés et 6 milliards d’euros engagés "
                "jusqu’à fin 2022, sur les 5 milliards initialement prévus pour la période "
                "2018-2022. La deuxième phase du programme, Action cœur de ville 2, "
                "bénéficiera d’un engagement supplémentaire de 7 milliards d’euros de la "
                "Caisse des dépôts, d’Action Logement et de l’Agence nationale de "
                "l’habitat.</p>"
            ),
            key_figures(
                "Action cœur de ville 2",
                [
                    ("245", "communes sur 232 territoires métropolitains et ultramarins"),
                    ("7 Md€", "d’engagement supplémentaire des partenaires financeurs"),
                    ("4", "priorités"),
                ],
            ),
            heading("Quatre priorités"),
            paragraph(ACV2_PRIORITIES),
            heading("Quartiers de gare et entrées de ville"),
            paragraph(
                "<p>Depuis le lancement d’Action cœur de ville 2, une priorité est "
                "notamment mise sur les quartiers de gare et les entrées de ville, dans une "
                "logique de sobriété foncière et de décarbonation des mobilités.</p>"
            ),
        ),
        topics=("habitat", "mobilite", "espace-public-et-patrimoine"),
        tags=("ACV 2",),
        colour="vert",
    ),
    Item(
        slug="guide-entrees-de-ville",
        title="Un guide pour transformer les entrées de ville",
        published_on=datetime.date(2023, 10, 10),
        summary="Le guide « Entrées de ville » accompagne les villes du programme qui veulent "
        "requalifier ces espaces souvent dominés par la voiture et les zones "
        "commerciales.",
        body=(
            paragraph(
                "<p>Priorité d’Action cœur de ville 2, les entrées de ville sont l’objet "
                "d’un guide publié par l’ANCT. Les actions qui y sont menées poursuivent des "
                "objectifs de diversification des usages, de requalification des espaces, "
                "voire de renaturation, dans une logique de sobriété foncière et de "
                "décarbonation des mobilités, avec une politique cohérente à l’échelle de "
                "l’agglomération.</p>"
            ),
            paragraph(
                "<p>Le guide s’adresse aux équipes projet comme aux élus : il aide à poser "
                "un diagnostic, à associer les acteurs économiques et à anticiper les "
                "évolutions du commerce et des modes de consommation.</p>"
            ),
        ),
        topics=("espace-public-et-patrimoine", "mobilite", "economie-et-commerce"),
        tags=("publication", "entrées de ville", "ACV 2"),
        colour="gris",
    ),
    Item(
        slug="barometre-de-l-immobilier-des-villes-action-coeur-de-ville",
        title="Le baromètre de l’immobilier des villes Action cœur de ville",
        published_on=datetime.date(2024, 1, 16),
        summary="Un baromètre pour suivre le marché immobilier des villes du programme et "
        "éclairer les politiques de l’habitat en centre-ville.",
        body=(
            paragraph(
                "<p>Remettre des habitants en centre-ville suppose de connaître le marché "
                "local : prix, volumes de ventes, dynamique de l’ancien. Le baromètre de "
                "l’immobilier des villes Action cœur de ville donne ces repères aux équipes "
                "projet et à leurs partenaires.</p>"
                "<p>Il nourrit le travail de l’axe « habitat » du programme, de la "
                "réhabilitation à la restructuration des logements en centre-ville.</p>"
            ),
        ),
        topics=("habitat",),
        tags=("publication", "données"),
        colour="rouge",
    ),
    Item(
        slug="rencontres-regionales-les-livrets",
        title="Rencontres régionales : les livrets sont en ligne",
        published_on=datetime.date(2024, 12, 12),
        summary="Les livrets des rencontres régionales Action cœur de ville et Petites villes "
        "de demain restituent les échanges entre villes, partenaires et services de "
        "l’État.",
        body=(
            paragraph(
                "<p>Les rencontres régionales réunissent les équipes des villes des "
                "programmes Action cœur de ville et Petites villes de demain, leurs "
                "partenaires et les services de l’État. Les livrets publiés par l’ANCT en "
                "gardent la trace : retours d’expérience présentés, questions posées, "
                "contacts utiles.</p>"
                "<p>Pour prolonger ces échanges toute l’année, rejoignez les groupes de "
                "travail et le forum de la communauté.</p>"
            ),
        ),
        topics=("animation-des-centres-villes",),
        tags=("rencontres régionales", "Petites villes de demain"),
        colour="bleu",
    ),
)

PRESS_INTRODUCTION = (
    "Communiqués, dossiers de presse et contacts : tout ce qu’il faut aux journalistes qui "
    "suivent le programme Action cœur de ville."
)
CONTACTS = (
    (
        "Service presse de l’ANCT",
        "Relations avec les médias",
        "presse@anct.gouv.fr",
        # A number from the range ARCEP reserves for fiction: the demo must not ring anyone.
        "01 99 00 45 67",
    ),
    (
        "Équipe nationale Action cœur de ville",
        "Questions sur le programme",
        "actioncoeurdeville@anct.gouv.fr",
        "",
    ),
)
KIT_ACV2 = (
    "Dossier de presse — Action cœur de ville 2",
    [
        "Action cœur de ville 2 (2023-2026)",
        "245 communes sur 232 territoires métropolitains et ultramarins.",
        "Plus de 7 000 projets recensés et 6 milliards d’euros engagés jusqu’à fin 2022.",
        "7 milliards d’euros d’engagement supplémentaire : Caisse des dépôts, Action Logement, Anah.",
        "",
        "Quatre priorités :",
        "- relever le défi de la transition écologique ;",
        "- conforter le socle de services, le vivier d’emploi et le rôle de centralité ;",
        "- revitaliser prioritairement le centre-ville ;",
        "- accélérer le passage à l’opérationnel des actions.",
        "",
        "Contact : presse@anct.gouv.fr",
    ],
)
KIT_LAUNCH = (
    "Dossier de presse — lancement du programme (2018)",
    [
        "Action cœur de ville : un plan pour revitaliser les villes moyennes",
        "222 villes ou binômes de villes retenus le 26 mars 2018.",
        "5 milliards d’euros mobilisés sur cinq ans à l’échelle nationale.",
        "Cinq axes : habitat ; commerce ; mobilité ; espace public et patrimoine ; équipements.",
    ],
)


def load_demo(context: DemoContext) -> None:
    """« Actualités » and « Espace presse » (programme and towns should be loaded first)."""
    home = context.home
    _load_news(home)
    _load_press(home)


def _load_news(home: Page) -> None:
    index = child_page(
        home,
        NewsIndexPage,
        "actualites",
        title="Actualités",
        introduction="Les nouvelles du programme Action cœur de ville : annonces, "
        "publications, appels à projets et rencontres.",
    )
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    towns = {
        town.insee_code: town
        for town in Town.objects.filter(
            insee_code__in=[insee for item in NEWS for insee in item.towns]
        )
    }
    for item in NEWS:
        child_page(
            index,
            NewsPage,
            item.slug,
            title=item.title,
            published_on=item.published_on,
            summary=item.summary,
            listing_image=demo_image(f"Actualité — {item.title}", item.colour),
            body=list(item.body),
            topics=[topics[slug] for slug in item.topics if slug in topics],
            towns=[towns[insee] for insee in item.towns if insee in towns],
            tagged_items=[NewsPageTag(tag=_tag(name)) for name in item.tags],
        )


def _load_press(home: Page) -> None:
    kit_acv2 = demo_pdf(*KIT_ACV2)
    kit_launch = demo_pdf(*KIT_LAUNCH)
    index = child_page(
        home,
        PressIndexPage,
        "presse",
        title="Espace presse",
        introduction=PRESS_INTRODUCTION,
        contacts=[
            PressContact(name=name, role=role, email=email, phone=phone)
            for name, role, email, phone in CONTACTS
        ],
        kits=[
            PressKit(title=KIT_ACV2[0], document=kit_acv2),
            PressKit(title=KIT_LAUNCH[0], document=kit_launch),
        ],
    )
    child_page(
        index,
        PressReleasePage,
        "action-coeur-de-ville-222-villes-retenues",
        title="Action cœur de ville : 222 villes retenues pour revitaliser leur centre",
        published_on=datetime.date(2018, 3, 27),
        summary="Le comité national de pilotage a retenu 222 villes ou binômes de villes, qui "
        "signeront une convention de revitalisation sur cinq ans.",
        body=[
            paragraph(
                "<p>Le comité national de pilotage a sélectionné le 26 mars 2018, sur "
                "proposition du ministre chargé de la Cohésion des territoires, 222 villes "
                "ou binômes de villes moyennes. Elles bénéficieront d’un accompagnement de "
                "l’État et de ses partenaires, avec 5 milliards d’euros mobilisés sur cinq "
                "ans à l’échelle nationale.</p>"
            ),
            paragraph(f"<p>Les projets s’organisent autour de cinq axes :</p>{AXES_LIST}"),
        ],
        documents=[PressReleaseDocument(document=kit_launch)],
    )
    child_page(
        index,
        PressReleasePage,
        "action-coeur-de-ville-2-quatre-priorites",
        title="Action cœur de ville 2 : quatre priorités jusqu’en 2026",
        published_on=datetime.date(2023, 1, 12),
        summary="La deuxième phase du programme bénéficie d’un engagement supplémentaire de "
        "7 milliards d’euros de la Caisse des dépôts, d’Action Logement et de l’Anah.",
        body=[
            paragraph(
                "<p>Plus de 7 000 projets ont été recensés et 6 milliards d’euros engagés "
                "jusqu’à fin 2022. Action cœur de ville 2 poursuit l’accompagnement de "
                "245 communes sur 232 territoires autour de quatre priorités :</p>"
                f"{ACV2_PRIORITIES}"
            ),
        ],
        documents=[PressReleaseDocument(document=kit_acv2)],
    )


def _tag(name: str) -> Tag:
    # slugify() drops « œ »: spell it out so « cœurs » gives « coeurs » in URLs.
    tag = Tag.objects.filter(name__iexact=name).first()
    return tag or Tag.objects.create(
        name=name, slug=slugify(name.replace("œ", "oe").replace("Œ", "Oe"))
    )
