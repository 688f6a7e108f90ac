"""Demo case studies: the listing and fourteen projects of real towns of the programme.

Facts come from the shared data: the 2022 laureate sites of « Réinventons nos cœurs de
ville », the towns' convention dates and populations, the Place de la Brèche in Niort as
a pilot of sobriété foncière, and the partners' roles in programme.json. The stories
around them are illustrative: they give no figure as official, and budgets are modest
orders of magnitude.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.images.models import Image

from cms.core.demo_builders import (
    Block,
    DemoContext,
    callout,
    child_page,
    demo_image,
    heading,
    image,
    key_figures,
    paragraph,
)
from cms.programme.models import Partner, Phase, Topic
from cms.territories.models import Town

from .models import CaseStudyIndexPage, CaseStudyPage, CaseStudyTag

INDEX_INTRODUCTION = (
    "Comment les villes du programme ont mené leurs projets : ce qu’elles ont fait, avec "
    "qui, pour quel budget et ce qu’elles en retiennent. Filtrez par axe, par territoire, "
    "par phase ou par mot-clé."
)
RNCV = "Réinventons nos cœurs de ville"
RNCV_CONTEXT = (
    "<p>« Réinventons nos cœurs de ville » invite les villes du programme à proposer un site "
    "de leur centre — un bâtiment ou un îlot, souvent inoccupé — à des équipes de "
    "concepteurs et d’opérateurs, qui y imaginent un projet mêlant logements, activités et "
    "services. Le Cerema accompagne les collectivités dans ces appels à projets locaux, "
    "aux côtés de la Banque des territoires.</p>"
)


@dataclass(frozen=True)
class Study:
    slug: str
    insee: str
    title: str
    summary: str
    published_on: datetime.date
    year: int
    phase: str
    topics: tuple[str, ...]
    partners: tuple[str, ...]
    tags: tuple[str, ...]
    context: str
    project: str
    outcomes: str
    lesson: str
    colour: str
    budget: int | None = None
    other_financers: str = ""
    extra_figures: tuple[tuple[str, str], ...] = field(default_factory=tuple)


STUDIES = [
    Study(
        slug="niort-place-de-la-breche",
        insee="79191",
        title="La place de la Brèche à Niort, un exemple de sobriété foncière",
        summary="Citée par l’ANCT parmi les territoires pilotes de sobriété foncière, la place "
        "de la Brèche montre comment un grand espace central peut être reconquis et "
        "mieux utilisé sans consommer de nouvelles terres.",
        published_on=datetime.date(2022, 3, 14),
        year=2021,
        phase="deploiement",
        topics=("espace-public-et-patrimoine", "innovation"),
        partners=("cerema", "cdc"),
        tags=("sobriété foncière", "espace public"),
        context="<p>Niort (Deux-Sèvres) a signé sa convention Action cœur de ville en "
        "juillet 2018. La place de la Brèche, au contact immédiat du centre ancien, "
        "est le plus vaste espace public de la ville : la façon dont elle est "
        "aménagée et utilisée pèse sur tout le centre.</p>",
        project="<p>Le dispositif « Territoires pilotes de sobriété foncière » accompagne les "
        "collectivités qui veulent limiter l’étalement urbain. Niort s’appuie sur la "
        "place de la Brèche pour montrer qu’un centre peut accueillir de nouveaux "
        "usages en réemployant des espaces déjà artificialisés : repérage des "
        "fonciers sous-utilisés autour de la place, programmation d’activités "
        "temporaires, liens piétons avec les rues commerçantes.</p>",
        outcomes="<ul><li>Un espace central lisible, tourné vers les piétons et les "
        "événements.</li><li>Une méthode de repérage des fonciers mutables, "
        "réutilisable dans les autres secteurs du périmètre d’ORT.</li>"
        "<li>Un exemple concret pour expliquer la sobriété foncière aux élus et aux "
        "habitants.</li></ul>",
        lesson="Partir d’un lieu que tout le monde connaît aide à faire partager une "
        "notion abstraite comme la sobriété foncière.",
        colour="vert",
        other_financers="Communauté d’agglomération du Niortais",
    ),
    Study(
        slug="albi-terrasses-saint-salvi",
        insee="81004",
        title="Albi : les terrasses Saint-Salvi, site lauréat en 2022",
        summary="Au pied de la collégiale Saint-Salvi, Albi a proposé un site du centre "
        "historique à la consultation « Réinventons nos cœurs de ville » ; il figure "
        "parmi les lauréats de la session 2022.",
        published_on=datetime.date(2023, 2, 6),
        year=2022,
        phase="deploiement",
        topics=("espace-public-et-patrimoine", "economie-et-commerce"),
        partners=("cdc", "cerema"),
        tags=(RNCV, "patrimoine", "reconversion"),
        context=RNCV_CONTEXT,
        project="<p>Albi (Tarn) a retenu les terrasses Saint-Salvi, un ensemble en plein "
        "secteur patrimonial. Le cahier des charges demande aux équipes de concilier "
        "la mise en valeur du patrimoine, l’ouverture au public et de nouvelles "
        "activités capables de faire vivre le lieu toute l’année.</p>",
        outcomes="<ul><li>Un site du centre historique remis dans le jeu des projets "
        "urbains.</li><li>Des équipes de concepteurs et d’investisseurs mobilisées "
        "sur un secteur jusqu’ici peu attractif pour eux.</li></ul>",
        lesson="Un cahier des charges précis sur le patrimoine n’a pas découragé les "
        "candidats : il a au contraire sécurisé leurs propositions.",
        colour="ocre",
        other_financers="Communauté d’agglomération de l’Albigeois",
        extra_figures=(("30", "sites lauréats de « Réinventons nos cœurs de ville » en 2022"),),
    ),
    Study(
        slug="arles-ancien-college-mistral",
        insee="13004",
        title="Arles : une nouvelle vie pour l’ancien collège Mistral",
        summary="Lauréat de « Réinventons nos cœurs de ville » en 2022, l’ancien collège "
        "Mistral doit accueillir des logements et des services au cœur d’Arles.",
        published_on=datetime.date(2023, 3, 20),
        year=2022,
        phase="deploiement",
        topics=("habitat", "equipements-et-services-publics"),
        partners=("cdc", "al", "cerema"),
        tags=(RNCV, "reconversion", "logement"),
        context=RNCV_CONTEXT,
        project="<p>Arles (Bouches-du-Rhône) a proposé l’ancien collège Mistral, un grand "
        "bâtiment public devenu inutile à son usage d’origine. Le programme attendu "
        "associe des logements pour des ménages actifs et des services ouverts aux "
        "habitants du quartier. Action Logement peut intervenir sur la "
        "restructuration d’immeubles entiers et le logement des salariés.</p>",
        outcomes="<ul><li>Un équipement vacant transformé en projet mixte.</li><li>Une "
        "offre de logements en centre-ville pour des salariés qui résidaient en "
        "périphérie.</li></ul>",
        lesson="Associer Action Logement dès la rédaction du cahier des charges a permis de "
        "caler la part de logements pour les salariés.",
        colour="rouge",
        other_financers="Communauté d’agglomération Arles-Crau-Camargue-Montagnette",
        extra_figures=(("30", "sites lauréats de « Réinventons nos cœurs de ville » en 2022"),),
    ),
    Study(
        slug="bar-le-duc-college-gilles-de-treves",
        insee="55029",
        title="Bar-le-Duc : le collège Gilles de Trèves, patrimoine à réouvrir",
        summary="Bâtiment Renaissance de la ville haute, le collège Gilles de Trèves fait "
        "partie des sites lauréats 2022 de « Réinventons nos cœurs de ville ».",
        published_on=datetime.date(2023, 5, 9),
        year=2022,
        phase="deploiement",
        topics=("espace-public-et-patrimoine", "animation-des-centres-villes"),
        partners=("cdc", "cerema"),
        tags=(RNCV, "patrimoine"),
        context=RNCV_CONTEXT,
        project="<p>Bar-le-Duc (Meuse) a choisi de proposer le collège Gilles de Trèves, "
        "édifice du XVI<sup>e</sup> siècle de la ville haute. L’enjeu : trouver des "
        "usages qui ouvrent le bâtiment au public — culture, accueil, événements — "
        "tout en finançant son entretien.</p>",
        outcomes="<ul><li>Un monument remis au cœur de la vie de la ville haute.</li>"
        "<li>Une programmation d’événements qui attire des visiteurs dans le "
        "centre.</li></ul>",
        lesson="Pour un monument, l’animation vient avant les travaux : ouvrir le lieu, "
        "même partiellement, fait naître les projets.",
        colour="violet",
        other_financers="Communauté d’agglomération de Bar-le-Duc - Sud Meuse",
        extra_figures=(("30", "sites lauréats de « Réinventons nos cœurs de ville » en 2022"),),
    ),
    Study(
        slug="bourg-en-bresse-ilot-des-lices",
        insee="01053",
        title="Bourg-en-Bresse : recomposer l’îlot des Lices",
        summary="Site lauréat 2022 de « Réinventons nos cœurs de ville », l’îlot des Lices "
        "doit mêler logements et commerces au cœur de Bourg-en-Bresse.",
        published_on=datetime.date(2023, 6, 12),
        year=2022,
        phase="deploiement",
        topics=("habitat", "economie-et-commerce"),
        partners=("al", "cdc"),
        tags=(RNCV, "logement", "commerce"),
        context=RNCV_CONTEXT,
        project="<p>Bourg-en-Bresse (Ain) a proposé l’îlot des Lices, un ensemble "
        "d’immeubles à recomposer. Le projet attendu associe des logements "
        "rénovés aux étages et des rez-de-chaussée commerciaux, pour prolonger le "
        "parcours marchand du centre.</p>",
        outcomes="<ul><li>Un îlot dégradé intégré à la stratégie habitat et commerce de "
        "la convention.</li><li>Des rez-de-chaussée pensés avec les commerçants "
        "voisins.</li></ul>",
        lesson="Traiter un îlot entier plutôt qu’immeuble par immeuble rend l’opération "
        "plus lisible pour les opérateurs.",
        colour="bleu",
        other_financers="Communauté d’agglomération du Bassin de Bourg-en-Bresse",
        extra_figures=(("30", "sites lauréats de « Réinventons nos cœurs de ville » en 2022"),),
    ),
    Study(
        slug="dunkerque-bains-dunkerquois",
        insee="59183",
        title="Dunkerque : les Bains dunkerquois, un équipement à réinventer",
        summary="L’ancien établissement des Bains dunkerquois, lauréat 2022 de "
        "« Réinventons nos cœurs de ville », doit redevenir un lieu ouvert aux "
        "habitants.",
        published_on=datetime.date(2023, 9, 18),
        year=2022,
        phase="deploiement",
        topics=("equipements-et-services-publics", "animation-des-centres-villes"),
        partners=("cdc", "cerema"),
        tags=(RNCV, "patrimoine", "reconversion"),
        context=RNCV_CONTEXT,
        project="<p>Dunkerque (Nord) a proposé les Bains dunkerquois, un bâtiment public "
        "ancien et attachant pour les habitants. Le cahier des charges demande un "
        "lieu ouvert à tous, qui accueille des activités de loisirs, de culture et "
        "de rencontre.</p>",
        outcomes="<ul><li>Un bâtiment familier des Dunkerquois promis à un nouvel usage "
        "collectif.</li><li>Une concertation qui a fait émerger des idées "
        "d’animations.</li></ul>",
        lesson="La mémoire d’un lieu est un atout : les habitants se mobilisent plus "
        "volontiers pour un bâtiment qu’ils connaissent.",
        colour="turquoise",
        other_financers="Communauté urbaine de Dunkerque",
        extra_figures=(("30", "sites lauréats de « Réinventons nos cœurs de ville » en 2022"),),
    ),
    Study(
        slug="lannion-site-de-nod-huel",
        insee="22113",
        title="Lannion : le site de Nod Huel, terrain d’expérimentation",
        summary="Lauréat 2022 de « Réinventons nos cœurs de ville », le site de Nod Huel "
        "sert à Lannion de terrain d’essai pour un aménagement économe en espace.",
        published_on=datetime.date(2023, 10, 2),
        year=2022,
        phase="deploiement",
        topics=("espace-public-et-patrimoine", "innovation"),
        partners=("cerema",),
        tags=(RNCV, "sobriété foncière"),
        context=RNCV_CONTEXT,
        project="<p>Lannion (Côtes-d’Armor) a proposé le site de Nod Huel. La ville a "
        "demandé aux équipes des solutions innovantes : réemploi des bâtiments "
        "existants, mutualisation des espaces, aménagements réversibles.</p>",
        outcomes="<ul><li>Des propositions qui réemploient l’existant plutôt que de "
        "démolir.</li><li>Un retour d’expérience partagé avec les autres villes "
        "du réseau.</li></ul>",
        lesson="Laisser une vraie place à l’innovation dans la consultation suppose "
        "d’accepter des propositions moins attendues.",
        colour="vert",
        other_financers="Lannion-Trégor Communauté",
        extra_figures=(("30", "sites lauréats de « Réinventons nos cœurs de ville » en 2022"),),
    ),
    Study(
        slug="laval-quartier-herce-saint-mathurin",
        insee="53130",
        title="Laval : le quartier Herce - Saint-Mathurin reprend vie",
        summary="Retenu en 2022 par « Réinventons nos cœurs de ville », le quartier Herce - "
        "Saint-Mathurin doit retrouver habitants et espaces publics de qualité.",
        published_on=datetime.date(2023, 11, 27),
        year=2022,
        phase="deploiement",
        topics=("habitat", "espace-public-et-patrimoine"),
        partners=("anah", "al", "cerema"),
        tags=(RNCV, "logement", "OPAH-RU"),
        context=RNCV_CONTEXT,
        project="<p>Laval (Mayenne) a proposé un quartier entier, Herce - Saint-Mathurin. "
        "Le projet croise la réhabilitation des logements anciens, avec les aides "
        "de l’Anah aux propriétaires, et le réaménagement des rues et places.</p>",
        outcomes="<ul><li>Une approche à l’échelle du quartier, habitat et espaces publics "
        "ensemble.</li><li>Des propriétaires informés des aides à la "
        "rénovation.</li></ul>",
        lesson="Annoncer les travaux d’espace public en même temps que les aides à "
        "l’habitat décide plus facilement les propriétaires à rénover.",
        colour="bleu",
        other_financers="Laval Agglomération",
        extra_figures=(("30", "sites lauréats de « Réinventons nos cœurs de ville » en 2022"),),
    ),
    Study(
        slug="lons-le-saunier-ilot-des-salines",
        insee="39300",
        title="Lons-le-Saunier : l’îlot des Salines, entre patrimoine et commerce",
        summary="Lauréat 2022 de « Réinventons nos cœurs de ville », l’îlot des Salines "
        "relie l’histoire du sel de Lons-le-Saunier à de nouvelles activités.",
        published_on=datetime.date(2024, 1, 15),
        year=2022,
        phase="deploiement",
        topics=("economie-et-commerce", "espace-public-et-patrimoine"),
        partners=("cdc", "cerema"),
        tags=(RNCV, "commerce", "patrimoine"),
        context=RNCV_CONTEXT,
        project="<p>Lons-le-Saunier (Jura) a proposé deux sites à la session 2022, dont "
        "l’îlot des Salines. Le projet doit valoriser ce passé lié au sel et "
        "installer des activités qui complètent l’offre commerciale du centre.</p>",
        outcomes="<ul><li>Un îlot patrimonial intégré au parcours commerçant.</li>"
        "<li>Une réflexion sur les loyers des cellules commerciales, avec "
        "l’appui de la Banque des territoires.</li></ul>",
        lesson="Présenter deux sites à la même session a permis de comparer les approches "
        "des équipes candidates.",
        colour="ocre",
        other_financers="Espace communautaire Lons Agglomération (ECLA)",
        extra_figures=(("30", "sites lauréats de « Réinventons nos cœurs de ville » en 2022"),),
    ),
    Study(
        slug="le-lamentin-revital-hop",
        insee="97213",
        title="Le Lamentin : Revital’Hop, un projet ultramarin lauréat",
        summary="Avec Revital’Hop, Le Lamentin figure parmi les lauréats 2022 de "
        "« Réinventons nos cœurs de ville », l’un des projets portés outre-mer.",
        published_on=datetime.date(2024, 2, 19),
        year=2022,
        phase="deploiement",
        topics=("equipements-et-services-publics", "innovation"),
        partners=("cdc", "cerema"),
        tags=(RNCV, "outre-mer"),
        context=RNCV_CONTEXT,
        project="<p>Le Lamentin (Martinique) a présenté le projet Revital’Hop. Il adapte la "
        "démarche au contexte martiniquais : climat, risques naturels, modes "
        "d’habiter et attentes des habitants en matière de services de "
        "proximité.</p>",
        outcomes="<ul><li>Une démarche nationale adaptée aux contraintes d’un territoire "
        "ultramarin.</li><li>Des services de proximité au cœur du programme.</li>"
        "</ul>",
        lesson="Les contraintes locales (climat, risques) gagnent à être écrites dès le "
        "cahier des charges plutôt que découvertes en cours de projet.",
        colour="turquoise",
        other_financers="Communauté d’agglomération du Centre de la Martinique",
        extra_figures=(("30", "sites lauréats de « Réinventons nos cœurs de ville » en 2022"),),
    ),
    Study(
        slug="vierzon-opah-ru-centre-ancien",
        insee="18279",
        title="Vierzon : une OPAH-RU pour les logements du centre ancien",
        summary="Dès la phase d’initialisation, Vierzon a lancé une opération programmée "
        "d’amélioration de l’habitat de renouvellement urbain pour remettre sur le "
        "marché des logements vacants du centre.",
        published_on=datetime.date(2020, 10, 5),
        year=2019,
        phase="initialisation",
        topics=("habitat",),
        partners=("anah", "al"),
        tags=("OPAH-RU", "logement", "vacance"),
        context="<p>Vierzon (Cher) a signé sa convention Action cœur de ville en "
        "juillet 2018. Comme beaucoup de villes moyennes, elle compte dans son "
        "centre ancien des logements vacants ou dégradés, que les propriétaires "
        "hésitent à rénover.</p>",
        project="<p>L’OPAH-RU est l’outil de l’Anah pour les centres anciens : aides aux "
        "travaux pour les propriétaires occupants et bailleurs, suivi-animation "
        "par un opérateur, repérage des immeubles les plus dégradés. Action "
        "Logement complète le dispositif pour les immeubles entiers destinés aux "
        "salariés.</p>",
        outcomes="<ul><li>Un guichet unique pour les propriétaires du centre.</li><li>Les "
        "premiers chantiers engagés dans l’année qui a suivi l’avenant.</li>"
        "<li>Des immeubles dégradés repérés pour une action plus lourde.</li></ul>",
        lesson="Recruter l’opérateur de suivi-animation tôt fait gagner une année : il "
        "repère les propriétaires et monte les dossiers.",
        colour="rouge",
        budget=480_000,
        other_financers="Communauté de communes Vierzon-Sologne-Berry",
    ),
    Study(
        slug="lisieux-commerces-et-numerique",
        insee="14366",
        title="Lisieux : accompagner les commerçants du centre vers le numérique",
        summary="Lisieux a aidé ses commerçants à se rendre visibles en ligne : ateliers, "
        "accompagnement individuel et vitrine commune des boutiques du centre.",
        published_on=datetime.date(2021, 11, 8),
        year=2021,
        phase="deploiement",
        topics=("economie-et-commerce", "numerique"),
        partners=("cdc",),
        tags=("commerce", "numérique"),
        context="<p>Lisieux (Calvados) a signé sa convention en septembre 2018. Les "
        "commerçants du centre font face à la concurrence de la périphérie et de la "
        "vente en ligne, et beaucoup n’avaient pas de présence sur internet.</p>",
        project="<p>La ville a organisé des ateliers collectifs et un accompagnement "
        "individuel, et publié une vitrine en ligne commune des boutiques du centre. "
        "La Banque des territoires soutient les innovations des villes du "
        "programme, notamment dans le numérique.</p>",
        outcomes="<ul><li>Des commerçants mieux équipés pour vendre et se faire connaître "
        "en ligne.</li><li>Une vitrine commune qui met en avant le centre-ville "
        "comme un tout.</li></ul>",
        lesson="Les ateliers collectifs ont créé un réseau entre commerçants, utile bien "
        "au-delà du numérique.",
        colour="violet",
        budget=60_000,
        other_financers="Communauté d’agglomération Lisieux Normandie, CCI",
    ),
    Study(
        slug="perigueux-quartier-de-gare",
        insee="24322",
        title="Périgueux : repenser le quartier de la gare",
        summary="Priorité d’Action cœur de ville 2, le quartier de gare fait à Périgueux "
        "l’objet d’études pour relier la gare au centre et y réduire la place de la "
        "voiture.",
        published_on=datetime.date(2024, 4, 22),
        year=2023,
        phase="initialisation",
        topics=("mobilite", "espace-public-et-patrimoine"),
        partners=("cdc", "cerema"),
        tags=("quartier de gare", "mobilités", "sobriété foncière"),
        context="<p>Depuis le lancement d’Action cœur de ville 2, une priorité est donnée "
        "aux quartiers de gare et aux entrées de ville : diversifier les usages, "
        "favoriser la sobriété foncière et décarboner les mobilités.</p>",
        project="<p>Périgueux (Dordogne) a engagé des études sur le quartier de la gare : "
        "cheminements piétons et cyclables vers le centre, intermodalité, "
        "devenir des fonciers ferroviaires et des parkings sous-utilisés. Le Cerema "
        "apporte son expertise technique en amont.</p>",
        outcomes="<ul><li>Un diagnostic partagé des déplacements entre la gare et le "
        "centre.</li><li>Des fonciers sous-utilisés identifiés pour de futurs "
        "projets.</li></ul>",
        lesson="Associer la SNCF et l’intercommunalité dès le diagnostic évite de "
        "concevoir un projet que personne ne pourra porter.",
        colour="gris",
        budget=150_000,
        other_financers="Communauté d’agglomération Le Grand Périgueux",
    ),
    Study(
        slug="ajaccio-manager-de-centre-ville",
        insee="2A004",
        title="Ajaccio : un manager de centre-ville pour fédérer les acteurs",
        summary="Ajaccio a recruté un manager de centre-ville chargé de faire le lien "
        "entre commerçants, habitants et services municipaux, et d’animer le centre.",
        published_on=datetime.date(2021, 6, 14),
        year=2020,
        phase="deploiement",
        topics=("economie-et-commerce", "animation-des-centres-villes"),
        partners=("cdc",),
        tags=("manager de centre-ville", "commerce", "animation"),
        context="<p>Ajaccio (Corse-du-Sud) a signé sa convention Action cœur de ville en "
        "juillet 2018. Les commerçants du centre demandaient un interlocuteur "
        "unique et des animations coordonnées tout au long de l’année.</p>",
        project="<p>Le manager de centre-ville tient un observatoire des locaux vacants, "
        "accompagne les porteurs de projet et coordonne un calendrier d’animations "
        "avec les associations de commerçants.</p>",
        outcomes="<ul><li>Un interlocuteur unique pour les commerçants et les porteurs de "
        "projet.</li><li>Un calendrier d’animations partagé.</li><li>Un suivi "
        "régulier de la vacance commerciale.</li></ul>",
        lesson="Le poste ne fonctionne que s’il est rattaché à la direction de projet "
        "Action cœur de ville, et pas seulement au service du commerce.",
        colour="bleu",
        budget=110_000,
        other_financers="Communauté d’agglomération du Pays Ajaccien",
    ),
]


def load_demo(context: DemoContext) -> None:
    """The « Retours d’expérience » listing and its case studies (programme and towns must
    be loaded first)."""
    home = context.home
    index = child_page(
        home,
        CaseStudyIndexPage,
        "retours-d-experience",
        title="Retours d’expérience",
        introduction=INDEX_INTRODUCTION,
    )
    towns = {
        town.insee_code: town
        for town in Town.objects.filter(insee_code__in=[study.insee for study in STUDIES])
    }
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    phases = {phase.key: phase for phase in Phase.objects.all()}
    partners = {partner.slug: partner for partner in Partner.objects.all()}
    for study in STUDIES:
        town = towns[study.insee]
        image = demo_image(f"Retour d’expérience — {town.name}", study.colour)
        child_page(
            index,
            CaseStudyPage,
            study.slug,
            title=study.title,
            summary=study.summary,
            listing_image=image,
            published_on=study.published_on,
            town=town,
            phase=phases.get(study.phase),
            year=study.year,
            budget=study.budget,
            financing_partners=[partners[slug] for slug in study.partners if slug in partners],
            other_financers=study.other_financers,
            outcomes=study.outcomes,
            body=_body(study, town, image),
            topics=[topics[slug] for slug in study.topics],
            tagged_items=[CaseStudyTag(tag=_tag(name)) for name in study.tags],
        )


def _tag(name: str) -> Tag:
    # slugify() drops « œ »: spell it out so « cœurs » gives « coeurs » in URLs.
    slug = slugify(name.replace("œ", "oe").replace("Œ", "Oe"))
    tag = Tag.objects.filter(Q(name__iexact=name) | Q(slug=slug)).first()
    return tag or Tag.objects.create(name=name, slug=slug)


def _body(study: Study, town: Town, picture: Image) -> list[Block]:
    figures = (
        [
            (
                f"{town.population:,}".replace(",", "\u202f"),
                "habitants (population municipale, Insee)",
            )
        ]
        if town.population
        else []
    )
    if town.convention_signed_on:
        figures.append(
            (
                str(town.convention_signed_on.year),
                "signature de la convention Action cœur de ville",
            )
        )
    figures += list(study.extra_figures)
    blocks = [
        heading("Le contexte"),
        paragraph(study.context),
        image(picture.pk, decorative=True),
        heading("Le projet"),
        paragraph(study.project),
    ]
    if figures:
        blocks.append(key_figures(f"{town.name} en chiffres", figures))
    blocks.append(callout("À retenir", f"<p>{study.lesson}</p>"))
    return blocks
