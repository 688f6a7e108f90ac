"""Demo guides and resources, written from the programme's own documents (`programme.json`
and the seeds). Idempotent: pages, images, documents and the video embed are created once.

`/guides/` holds the programme's guides and practical sheets; `/ressources/` the other
publications (atlas, barometer, booklets, kit, study, report).
"""

import datetime
from collections.abc import Sequence

from taggit.models import Tag
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from cms.core.demo_builders import (
    Block,
    DemoContext,
    accordion,
    bullets,
    callout,
    child_page,
    demo_image,
    demo_pdf,
    document,
    heading,
    image,
    key_figures,
    links,
    paragraph,
    quote,
    table,
    video,
)
from cms.programme.models import Topic

from .models import ResourceIndexPage, ResourcePage, ResourcePageTag
from .resource_types import ResourceType

# The ANCT's presentation video of the programme, embedded on its page about ACV (seed 000).
VIDEO_URL = "https://www.youtube.com/watch?v=PsLKm2_rzH4"
VIDEO_PLAYER = "https://www.youtube-nocookie.com/embed/PsLKm2_rzH4"
VIDEO_TITLE = "Action cœur de ville en vidéo"
ORT_MINISTRY_PAGE = (
    "https://www.cohesion-territoires.gouv.fr/operation-de-revitalisation-de-territoire-ort"
)

# --- Helpers ---------------------------------------------------------------------------------


def _tags(names: Sequence[str]) -> list[ResourcePageTag]:
    tags = []
    for name in names:
        tag = Tag.objects.filter(name__iexact=name).first() or Tag.objects.create(name=name)
        tags.append(ResourcePageTag(tag=tag))
    return tags


def _topics(slugs: Sequence[str]) -> list[Topic]:
    return list(Topic.objects.filter(slug__in=slugs))


def _resource(
    index: ResourceIndexPage,
    slug: str,
    *,
    title: str,
    resource_type: str,
    published_on: datetime.date,
    summary: str,
    topics: Sequence[str],
    tags: Sequence[str],
    colour: str,
    body: list[Block],
    updated_on: datetime.date | None = None,
) -> ResourcePage:
    return child_page(
        index,
        ResourcePage,
        slug,
        title=title,
        resource_type=resource_type,
        published_on=published_on,
        updated_on=updated_on,
        summary=summary,
        body=body,
        listing_image=demo_image(f"Vignette — {title}", colour),
        topics=_topics(topics),
        tagged_items=_tags(tags),
    )


def video_embed() -> Embed:
    """The cached answer of YouTube's oEmbed for the demo video, so nothing is fetched."""
    embed, _created = Embed.objects.get_or_create(
        hash=get_embed_hash(VIDEO_URL),
        defaults={
            "url": VIDEO_URL,
            "type": "video",
            "provider_name": "YouTube",
            "title": VIDEO_TITLE,
            "width": 560,
            "height": 315,
            "html": f'<iframe title="{VIDEO_TITLE}" width="560" height="315" '
            f'src="{VIDEO_PLAYER}" allowfullscreen></iframe>',
        },
    )
    return embed


# --- Loader ----------------------------------------------------------------------------------


def load_demo(context: DemoContext) -> None:
    home = context.home
    guides = child_page(
        home,
        ResourceIndexPage,
        "guides",
        title="Guides",
        introduction="Les guides du programme et des fiches pratiques pour conduire un projet "
        "Action cœur de ville : convention-cadre et fiches actions, opération de "
        "revitalisation de territoire, périmètres, gouvernance et financements.",
    )
    resources = child_page(
        home,
        ResourceIndexPage,
        "ressources",
        title="Ressources",
        introduction="Atlas, baromètre, études, livrets et kits : les publications du programme "
        "et de ses partenaires pour le réseau des villes Action cœur de ville.",
    )
    video_embed()
    practical = _load_practical_sheets(guides)
    _load_guides(guides, practical)
    _load_publications(resources, practical)


def _load_practical_sheets(guides: ResourceIndexPage) -> dict[str, ResourcePage]:
    convention_pdf = demo_pdf(
        "Trame de la convention-cadre Action cœur de ville",
        [
            "Parties",
            "Préambule et objectifs poursuivis",
            "Engagement général des parties",
            "Organisation des collectivités et comité de projet",
            "Durée, évolution et fonctionnement général de la convention",
            "Phase d’initialisation : études à mener et actions matures à engager",
            "Modalités de suivi et évaluation",
            "Traitement des litiges",
        ],
    )
    convention = _resource(
        guides,
        "convention-cadre-et-fiches-actions",
        title="Rédiger la convention-cadre et ses fiches actions",
        resource_type=ResourceType.PRACTICAL_SHEET,
        published_on=datetime.date(2025, 1, 20),
        updated_on=datetime.date(2025, 6, 2),
        summary="La convention-cadre pluriannuelle engage la ville, son intercommunalité, l’État "
        "et les partenaires. Voici sa trame, son avenant et le rôle des fiches actions.",
        topics=[
            "habitat",
            "economie-et-commerce",
            "mobilite",
            "espace-public-et-patrimoine",
            "equipements-et-services-publics",
        ],
        tags=["convention-cadre", "fiches actions", "avenant"],
        colour="bleu",
        body=[
            paragraph(
                "<p>Le projet de revitalisation de chaque ville est décrit dans une "
                "<b>convention-cadre pluriannuelle</b>, co-signée par la ville centre et "
                "l’intercommunalité, l’État et les partenaires du programme. Elle est "
                "structurée en deux temps : la convention-cadre initiale, puis un avenant "
                "à l’issue de la phase d’initialisation.</p>"
            ),
            quote(
                "Une convention vivante et modulaire, complétée par un avenant et par les "
                "fiches actions au fur et à mesure de leur formalisation.",
                "Préfecture du Pas-de-Calais",
                "Présentation du programme, 2018",
            ),
            heading("Les trois documents de la convention"),
            table(
                "Calendrier et objet de chaque document",
                [
                    ["Document", "Quand", "Objet"],
                    [
                        "Convention-cadre initiale",
                        "À la fin de la phase de préparation",
                        "Enjeux et objectifs, partenaires, études à lancer et actions matures",
                    ],
                    [
                        "Avenant",
                        "À l’issue de la phase d’initialisation",
                        "Diagnostic, projet stratégique, périmètres et plan d’actions",
                    ],
                    [
                        "Fiches actions",
                        "Au fil du projet",
                        "Une fiche par action : objet, calendrier, budget, financeurs",
                    ],
                ],
                header_row=True,
                header_col=True,
            ),
            heading("La trame de la convention-cadre"),
            accordion(
                [
                    (
                        "Parties, préambule et objectifs",
                        "<p>Les signataires, le contexte et les objectifs généraux partagés, "
                        "l’intention ou le projet de la collectivité.</p>",
                    ),
                    (
                        "Organisation et comité de projet",
                        "<p>L’organisation des collectivités, le comité de projet et la durée, "
                        "l’évolution et le fonctionnement général de la convention.</p>",
                    ),
                    (
                        "Phase d’initialisation",
                        "<p>Un tableau récapitulatif des études à mener et des actions matures à "
                        "engager, avec leur calendrier, leur budget et les partenaires financeurs "
                        "concernés.</p>",
                    ),
                    (
                        "Suivi, évaluation et litiges",
                        "<p>Les modalités de suivi et d’évaluation, et le traitement des "
                        "litiges.</p>",
                    ),
                ]
            ),
            document(
                convention_pdf.pk,
                "Télécharger la trame de la convention-cadre",
                "Les huit rubriques de la convention-cadre initiale.",
            ),
            heading("L’avenant et les fiches actions"),
            bullets(
                [
                    "les résultats du diagnostic (analyse AFOM) ;",
                    "les objectifs généraux du projet et par axe ;",
                    "les périmètres d’intervention et le périmètre de l’ORT ;",
                    "le plan d’actions, le calendrier général, le budget et son financement.",
                ],
                intro="L’avenant approuve le diagnostic et le projet stratégique, et lance le "
                "plan d’actions. Il compile :",
            ),
            callout(
                "Une fiche par action",
                "<p>Chaque action fait l’objet d’une fiche cosignée par ses financeurs, "
                "qui décrit son objet, son calendrier et son budget. Les fiches complètent "
                "progressivement la convention.</p>",
            ),
        ],
    )
    ort = _resource(
        guides,
        "operation-de-revitalisation-de-territoire",
        title="L’opération de revitalisation de territoire (ORT)",
        resource_type=ResourceType.PRACTICAL_SHEET,
        published_on=datetime.date(2025, 2, 10),
        summary="Créée par la loi ELAN, l’ORT est le support juridique des interventions du "
        "programme : les conventions Action cœur de ville valent ORT.",
        topics=["habitat", "economie-et-commerce"],
        tags=["ORT", "loi ELAN", "urbanisme commercial"],
        colour="vert",
        body=[
            paragraph(
                "<p>L’article 54 du projet de loi portant évolution du logement, de "
                "l’aménagement et du numérique (« ELAN ») a créé un contrat intégrateur "
                "unique : l’opération de revitalisation de territoire (ORT). Elle "
                "constitue le support juridique des interventions du programme, et les "
                "conventions Action cœur de ville sont homologuées en convention ORT.</p>"
            ),
            heading("Ce que permet une ORT"),
            bullets(
                [
                    "rassembler tout ou partie des actions d’amélioration de l’habitat ;",
                    "instaurer le droit de préemption urbain renforcé ;",
                    "inscrire ses actions dans les contrats de plan État-région ;",
                    "déroger aux règles d’urbanisme commercial dans son périmètre.",
                ]
            ),
            callout(
                "Bon à savoir : l’urbanisme commercial",
                "<p>Les commerces qui s’implantent en centre-ville, dans le périmètre "
                "annexé à la convention, ne sont pas soumis à autorisation d’exploitation "
                "commerciale. Hors des secteurs d’intervention de l’ORT, le préfet peut "
                "suspendre l’examen d’une demande d’autorisation commerciale.</p>",
            ),
            heading("Qui signe ?"),
            paragraph(
                "<p>Pour garantir la cohérence entre la ville centre et la périphérie en "
                "matière d’urbanisme commercial, l’ORT impose la signature des communes "
                "et de l’intercommunalité. Les collectivités peuvent s’appuyer sur "
                "l’ingénierie de l’État et de ses établissements publics, les agences "
                "d’urbanisme, les CAUE, les établissements publics fonciers locaux ou "
                "les sociétés d’économie mixte.</p>"
            ),
            links(
                "Pour aller plus loin",
                [
                    (
                        "L’ORT sur le site du ministère de la Cohésion des territoires",
                        ORT_MINISTRY_PAGE,
                    ),
                    ("Rédiger la convention-cadre et ses fiches actions", convention),
                ],
            ),
        ],
    )
    perimeters = _resource(
        guides,
        "trois-perimetres-imbriques",
        title="Les trois périmètres imbriqués du projet",
        resource_type=ResourceType.PRACTICAL_SHEET,
        published_on=datetime.date(2025, 3, 3),
        summary="Périmètre d’étude, périmètre d’intervention, secteurs prioritaires : trois "
        "échelles pour allier pertinence du projet et focalisation des moyens.",
        topics=["espace-public-et-patrimoine", "mobilite"],
        tags=["périmètres", "diagnostic", "ORT"],
        colour="ocre",
        body=[
            paragraph(
                "<p>Le programme raisonne à trois échelles emboîtées. Elles sont "
                "définies dès la phase de préparation, puis validées pendant la phase "
                "d’initialisation.</p>"
            ),
            heading("Le périmètre d’étude"),
            paragraph(
                "<p>C’est l’échelle du diagnostic, sur laquelle doit être pensée la "
                "stratégie territoriale : le bassin de vie, et a minima l’EPCI.</p>"
            ),
            heading("Le périmètre du projet d’intervention"),
            paragraph(
                "<p>A minima le centre-ville : c’est le futur périmètre de l’ORT. Défini "
                "collectivement, il permet d’identifier les interactions entre les "
                "fonctions du cœur d’agglomération et le reste du bassin de vie.</p>"
            ),
            heading("Les secteurs d’intervention prioritaires"),
            paragraph(
                "<p>Les moyens et les investissements s’y concentrent, avec dérogation à "
                "certaines règles de droit commun.</p>"
            ),
            image(
                demo_image("Schéma des trois périmètres imbriqués", "turquoise").pk,
                alt_text="Trois périmètres emboîtés : le bassin de vie, le centre-ville, puis "
                "les secteurs prioritaires au cœur du centre-ville.",
                caption="Du bassin de vie aux secteurs prioritaires",
            ),
            callout(
                "À préparer dès le pré-dossier",
                "<p>Le pré-dossier de la phase de préparation définit le périmètre "
                "d’étude, le projet de périmètre d’ORT et les périmètres d’actions "
                "prioritaires pressentis.</p>",
            ),
        ],
    )
    governance = _resource(
        guides,
        "roles-de-la-gouvernance",
        title="Qui fait quoi ? Les rôles de la gouvernance",
        resource_type=ResourceType.PRACTICAL_SHEET,
        published_on=datetime.date(2025, 4, 14),
        summary="Subsidiarité et coordination : le projet est piloté localement, les "
        "financements sont engagés au niveau régional, le programme est animé au niveau "
        "national.",
        topics=["equipements-et-services-publics"],
        tags=["gouvernance", "comité de projet", "directeur de projet"],
        colour="violet",
        body=[
            paragraph(
                "<p>Le programme repose avant tout sur les collectivités ; sa "
                "coordination est assurée en particulier par le référent départemental "
                "de l’État.</p>"
            ),
            quote(
                "Le maire, en lien avec le président de l’intercommunalité, pilote la "
                "réalisation des actions et assure la maîtrise d’œuvre urbaine du projet.",
                "Agence nationale de la cohésion des territoires",
                "Page « Action cœur de ville »",
            ),
            heading("Trois niveaux de pilotage"),
            accordion(
                [
                    (
                        "Local : le comité de projet et l’équipe de projet",
                        "<p>Le <b>comité de projet</b> définit la stratégie, valide les documents et "
                        "suit l’avancement. Il réunit les élus, le directeur de projet, le préfet de "
                        "département ou son représentant et les financeurs. L’<b>équipe de "
                        "projet</b>, pilotée par le <b>directeur de projet</b>, établit, coordonne et "
                        "suit le projet.</p>",
                    ),
                    (
                        "Départemental : le référent de l’État",
                        "<p>Désigné par le préfet de département, le référent « cœur de ville » "
                        "coordonne le programme et siège au comité de projet.</p>",
                    ),
                    (
                        "Régional : le comité régional d’engagement",
                        "<p>Il passe en revue les conventions, engage les financements, lève les "
                        "points de blocage et supervise l’évaluation à l’échelle régionale.</p>",
                    ),
                    (
                        "National : le pilotage du programme",
                        "<p>Le comité de pilotage national sélectionne les bénéficiaires et fait "
                        "évoluer le programme ; l’ANCT l’anime avec une équipe dédiée et réunit "
                        "toutes les deux semaines le comité de pilotage partenarial.</p>",
                    ),
                ]
            ),
            callout(
                "Un directeur de projet cofinancé",
                "<p>L’Anah finance pour moitié les directeurs de projet des collectivités.</p>",
            ),
        ],
    )
    return {
        "convention": convention,
        "ort": ort,
        "perimeters": perimeters,
        "governance": governance,
    }


def _load_guides(guides: ResourceIndexPage, practical: dict[str, ResourcePage]) -> None:
    guide_pdf = demo_pdf(
        "Guide Action cœur de ville 2",
        [
            "Les quatre priorités d’Action cœur de ville 2 :",
            "- relever le défi de la transition écologique ;",
            "- conforter le socle de services et le rôle de centralité ;",
            "- revitaliser prioritairement le centre-ville ;",
            "- accélérer le passage à l’opérationnel.",
        ],
    )
    _resource(
        guides,
        "guide-action-coeur-de-ville-2",
        title="Guide Action cœur de ville 2",
        resource_type=ResourceType.GUIDE,
        published_on=datetime.date(2023, 3, 30),
        summary="Les quatre priorités de la deuxième phase du programme et l’offre de services "
        "proposée aux villes, de la convention-cadre à l’homologation en ORT.",
        topics=["habitat", "mobilite", "equipements-et-services-publics", "innovation"],
        tags=["ACV 2", "transition écologique"],
        colour="bleu",
        body=[
            paragraph(
                "<p>Action cœur de ville 2 poursuit la double ambition du programme : "
                "améliorer les conditions de vie des habitants des villes moyennes et "
                "conforter le rôle de moteur de ces villes dans le développement du "
                "territoire.</p>"
            ),
            video(
                VIDEO_TITLE,
                VIDEO_URL,
                "<p><i>Texte de démonstration : cette transcription reprend la présentation "
                "écrite du programme publiée par l’ANCT avec la vidéo.</i></p>"
                "<p>Le plan national Action cœur de ville répond à une double ambition : "
                "améliorer les conditions de vie des habitants des villes moyennes et "
                "conforter le rôle de moteur de ces villes dans le développement du "
                "territoire.</p><p>23 % de la population française vit dans les villes "
                "moyennes, et 26 % de l’emploi total y est concentré. 245 communes sur 232 "
                "territoires métropolitains et ultramarins sont concernées.</p>",
            ),
            heading("Les quatre priorités"),
            bullets(
                [
                    "accompagner les villes pour relever le défi de la transition écologique ;",
                    "conforter le socle de services, le vivier d’emploi et le rôle de centralité "
                    "des villes moyennes pour l’ensemble de leur territoire ;",
                    "revitaliser prioritairement leur centre-ville afin d’y (re)mettre habitants et "
                    "activités dans un cadre de vie accueillant, agréable et inclusif ;",
                    "accélérer le passage à l’opérationnel des actions.",
                ]
            ),
            heading("L’offre de services"),
            paragraph(
                "<p>Elle suit les besoins des collectivités : signature de la "
                "convention-cadre, phase d’initialisation d’un à dix-huit mois avec un "
                "diagnostic complet et les premières actions selon les 5 axes, puis "
                "homologation de la convention en convention ORT. Pour mobiliser ces "
                "offres, les villes se rapprochent de leur préfecture de département.</p>"
            ),
            document(guide_pdf.pk, description="Le guide de la deuxième phase du programme."),
            links(
                "Les fiches pratiques du guide",
                [
                    ("Rédiger la convention-cadre et ses fiches actions", practical["convention"]),
                    ("L’opération de revitalisation de territoire (ORT)", practical["ort"]),
                    ("Les trois périmètres imbriqués du projet", practical["perimeters"]),
                    ("Qui fait quoi ? Les rôles de la gouvernance", practical["governance"]),
                ],
            ),
        ],
    )
    entries_pdf = demo_pdf(
        "Guide entrées de ville Action cœur de ville",
        [
            "Diversifier les usages et requalifier les espaces des entrées de ville.",
            "Sobriété foncière, décarbonation des mobilités, qualité architecturale et paysagère.",
        ],
    )
    _resource(
        guides,
        "guide-entrees-de-ville",
        title="Guide entrées de ville Action cœur de ville",
        resource_type=ResourceType.GUIDE,
        published_on=datetime.date(2023, 10, 10),
        summary="Depuis le lancement d’Action cœur de ville 2, les entrées de ville et les "
        "quartiers de gare sont une priorité : ce guide aide à les transformer.",
        topics=["espace-public-et-patrimoine", "mobilite"],
        tags=["entrées de ville", "quartiers de gare", "sobriété foncière"],
        colour="turquoise",
        body=[
            image(
                demo_image("Entrée de ville requalifiée", "vert").pk,
                alt_text="Illustration d’une entrée de ville : alignement de bâtiments bas "
                "et espaces plantés le long d’un axe routier.",
                caption="Illustration de démonstration",
            ),
            heading("Les entrées de ville"),
            paragraph(
                "<p>Les actions sur les entrées de ville poursuivent des objectifs de "
                "diversification des usages, de requalification des espaces, voire de "
                "renaturation, dans une logique de sobriété foncière et de décarbonation "
                "des mobilités, avec une politique cohérente à l’échelle de "
                "l’agglomération.</p>"
            ),
            heading("Les quartiers de gare"),
            bullets(
                [
                    "favoriser la sobriété foncière et réduire l’artificialisation des sols ;",
                    "améliorer la qualité architecturale, urbaine et paysagère ;",
                    "anticiper les évolutions du commerce et des modes de consommation ;",
                    "démontrer le recyclage possible des entrées de ville.",
                ],
                intro="Les actions menées sur les quartiers de gare visent à :",
            ),
            document(entries_pdf.pk),
        ],
    )
    financing_pdf = demo_pdf(
        "Engagements des partenaires financeurs 2018-2022",
        [
            "Caisse des Dépôts (Banque des territoires) : 1,7 milliard d’euros.",
            "Action Logement : 1,5 milliard d’euros.",
            "Anah : 1,2 milliard d’euros minimum.",
        ],
    )
    _resource(
        guides,
        "engagements-des-partenaires-financeurs",
        title="Les engagements des partenaires financeurs",
        resource_type=ResourceType.PRACTICAL_SHEET,
        published_on=datetime.date(2024, 9, 16),
        summary="Caisse des Dépôts, Action Logement, Anah : ce que chaque partenaire national "
        "a engagé pour la première phase du programme, et comment le solliciter.",
        topics=["habitat", "economie-et-commerce", "innovation"],
        tags=["financements", "Banque des territoires", "Action Logement", "Anah"],
        colour="rouge",
        body=[
            paragraph(
                "<p>À l’échelle nationale, plus de 5 milliards d’euros ont été mobilisés "
                "sur cinq ans. L’appui aux projets de chaque commune repose sur des "
                "cofinancements apportés par les partenaires.</p>"
            ),
            key_figures(
                "Les engagements 2018-2022",
                [
                    ("1,7 Md€", "Caisse des Dépôts (Banque des territoires)"),
                    ("1,5 Md€", "Action Logement"),
                    ("1,2 Md€", "Agence nationale de l’habitat, au minimum"),
                ],
            ),
            table(
                "Ventilation de l’engagement de la Caisse des Dépôts",
                [
                    ["Poste", "Montant"],
                    ["Ingénierie", "50 M€"],
                    [
                        "Soutien aux innovations (smart, sociale, énergies renouvelables, "
                        "environnement)",
                        "50 M€",
                    ],
                    ["Création de sociétés foncières commerces et activités", "200 M€"],
                    ["Co-investissement dans les projets", "700 M€"],
                    ["Prêts spécifiques", "700 M€"],
                ],
                header_row=True,
                header_col=True,
            ),
            heading("Action Logement"),
            paragraph(
                "<p>Action Logement finance la restructuration d’immeubles entiers des "
                "cœurs de ville (acquisition, réhabilitation, portage foncier), en "
                "contrepartie de logements pour les salariés.</p>"
            ),
            heading("L’Anah"),
            paragraph(
                "<p>L’Anah aide les propriétaires privés et les copropriétés à réhabiliter "
                "leurs logements, notamment au travers d’OPAH-RU, et finance pour moitié "
                "les directeurs de projet.</p>"
            ),
            document(financing_pdf.pk, "Télécharger la synthèse des engagements"),
        ],
    )


def _load_publications(resources: ResourceIndexPage, practical: dict[str, ResourcePage]) -> None:
    _resource(
        resources,
        "atlas-action-coeur-de-ville",
        title="Atlas Action cœur de ville (cartes et indicateurs)",
        resource_type=ResourceType.ATLAS,
        published_on=datetime.date(2022, 6, 27),
        summary="Des cartes et des indicateurs pour situer les villes du programme et suivre "
        "leur évolution.",
        topics=["economie-et-commerce", "numerique"],
        tags=["cartographie", "indicateurs"],
        colour="bleu",
        body=[
            image(demo_image("Motif cartographique", "gris").pk, decorative=True),
            paragraph(
                "<p>L’atlas rassemble des cartes et des indicateurs sur les villes du "
                "programme : 245 communes sur 232 territoires métropolitains et "
                "ultramarins.</p>"
            ),
            document(
                demo_pdf(
                    "Atlas Action cœur de ville",
                    [
                        "Cartes et indicateurs des villes du programme.",
                    ],
                ).pk
            ),
        ],
    )
    _resource(
        resources,
        "barometre-de-l-immobilier",
        title="Baromètre de l’immobilier des villes Action cœur de ville",
        resource_type=ResourceType.BAROMETER,
        published_on=datetime.date(2024, 1, 16),
        summary="Un suivi des marchés immobiliers des villes du programme, pour éclairer les "
        "stratégies d’habitat en centre-ville.",
        topics=["habitat"],
        tags=["immobilier", "logement"],
        colour="ocre",
        body=[
            paragraph(
                "<p>Conforter et attirer les ménages dans les logements du centre-ville "
                "est l’un des objectifs du programme. Le baromètre aide les villes à "
                "situer leur marché immobilier.</p>"
            ),
            document(
                demo_pdf(
                    "Baromètre de l’immobilier des villes Action cœur de ville",
                    [
                        "Le marché immobilier des villes du programme.",
                    ],
                ).pk
            ),
        ],
    )
    _resource(
        resources,
        "livrets-des-rencontres-regionales",
        title="Livrets des Rencontres régionales Action cœur de ville et Petites villes de demain",
        resource_type=ResourceType.BOOKLET,
        published_on=datetime.date(2024, 12, 12),
        summary="Les livrets qui restituent les rencontres régionales des deux programmes : "
        "échanges entre villes, retours d’expérience et ateliers.",
        topics=["animation-des-centres-villes"],
        tags=["rencontres régionales", "réseau", "Petites villes de demain"],
        colour="violet",
        body=[
            paragraph(
                "<p>Les rencontres régionales réunissent les équipes des villes Action "
                "cœur de ville et Petites villes de demain pour partager leurs pratiques. "
                "Les livrets en gardent la trace pour tout le réseau.</p>"
            ),
            document(
                demo_pdf(
                    "Livrets des Rencontres régionales",
                    [
                        "Restitution des rencontres régionales Action cœur de ville et Petites villes "
                        "de demain.",
                    ],
                ).pk
            ),
        ],
    )
    _resource(
        resources,
        "kit-d-evaluation-locale",
        title="Kit d’évaluation locale",
        resource_type=ResourceType.KIT,
        # The kit carries no date of its own: this is the last update of the ANCT page listing it.
        published_on=datetime.date(2024, 12, 12),
        summary="Des conseils méthodologiques pour conduire l’évaluation locale d’un projet "
        "Action cœur de ville.",
        topics=["innovation"],
        tags=["évaluation", "indicateurs"],
        colour="vert",
        body=[
            paragraph(
                "<p>Le programme prévoit des indicateurs de moyens et de résultats. Dès "
                "la phase d’initialisation, chaque ville définit un dispositif "
                "d’évaluation ; le kit l’aide à le construire et à le faire vivre.</p>"
            ),
            document(
                demo_pdf(
                    "Kit d’évaluation locale",
                    [
                        "Conseils méthodologiques pour la conduite d’une évaluation locale d’un projet "
                        "ACV.",
                    ],
                ).pk,
                "Télécharger le kit",
            ),
        ],
    )
    _resource(
        resources,
        "etude-vacance-commerciale",
        title="La vacance commerciale en centre-ville : l’étude annoncée en 2018",
        resource_type=ResourceType.STUDY,
        published_on=datetime.date(2018, 9, 3),
        summary="Pour mieux comprendre la vacance commerciale, une étude cofinancée par la DGE, "
        "la Caisse des Dépôts et le CGET a été engagée au lancement du programme.",
        topics=["economie-et-commerce", "animation-des-centres-villes"],
        tags=["commerce", "vacance commerciale", "FISAC"],
        colour="rouge",
        body=[
            paragraph(
                "<p>Redonner de la force au tissu commercial et économique est l’un des "
                "objectifs du programme. Au lancement, le ministère de l’Économie a "
                "annoncé plusieurs mesures pour le commerce de centre-ville.</p>"
            ),
            bullets(
                [
                    "une étude cofinancée par la DGE, la Caisse des Dépôts et le CGET pour mieux "
                    "analyser la vacance commerciale ;",
                    "une mission de l’IGF sur la fiscalité du commerce ;",
                    "un appel à projets FISAC 2018 fortement fléché sur les centres-villes et "
                    "l’animation commerciale.",
                ]
            ),
            links(
                "À lire aussi",
                [
                    ("L’opération de revitalisation de territoire (ORT)", practical["ort"]),
                ],
            ),
        ],
    )
    _resource(
        resources,
        "bilan-premiere-phase",
        title="Action cœur de ville : de la première phase à ACV 2",
        resource_type=ResourceType.REPORT,
        published_on=datetime.date(2023, 5, 22),
        summary="Les chiffres de la première phase du programme (2018-2022) et l’engagement "
        "supplémentaire annoncé pour la deuxième.",
        topics=["habitat", "economie-et-commerce", "equipements-et-services-publics"],
        tags=["ACV 2", "bilan"],
        colour="gris",
        body=[
            key_figures(
                "Le programme en chiffres",
                [
                    ("245", "communes sur 232 territoires"),
                    ("+ de 7 000", "projets recensés"),
                    ("6 Md€", "engagés jusqu’à fin 2022, sur 5 Md€ prévus"),
                    ("7 Md€", "d’engagement supplémentaire pour ACV 2"),
                ],
            ),
            paragraph(
                "<p>Avec Action cœur de ville, plus de 7 000 projets ont été recensés et "
                "6 milliards d’euros engagés jusqu’à fin 2022, sur les 5 milliards "
                "initialement prévus pour 2018-2022. La deuxième phase bénéficie d’un "
                "engagement supplémentaire de 7 milliards d’euros de la Caisse des "
                "Dépôts, d’Action Logement et de l’Agence nationale de l’habitat.</p>"
            ),
            document(
                demo_pdf(
                    "Action cœur de ville : de la première phase à ACV 2",
                    [
                        "Plus de 7 000 projets recensés ; 6 milliards d’euros engagés jusqu’à fin 2022.",
                        "ACV 2 : 7 milliards d’euros supplémentaires.",
                    ],
                ).pk
            ),
        ],
    )
