"""Demo « Dispositifs »: the seven measures the ANCT lists for the programme
(programme.json `dispositifs_anct`), described from the seeds: the ORT from the 2018
regulatory measures, « Réinventons nos cœurs de ville » from the Cerema convention and the
shared data, the others from the ANCT programme page."""

from dataclasses import dataclass

from django.utils.text import slugify

from cms.core.demo_builders import (
    DemoContext,
    callout,
    child_page,
    demo_image,
    heading,
    paragraph,
)
from cms.programme.models import GlossaryTerm, Topic

from .models import MeasureIndexPage, MeasurePage

TOWNS = "communes et intercommunalités"
BUSINESSES = "commerces et activités économiques et de services"
OWNERS = "propriétaires et locataires en centre-ville"
DEVELOPERS = "promoteurs immobiliers et bailleurs"
RESIDENTS = "résidents et visiteurs"


@dataclass(frozen=True)
class Measure:
    slug: str
    title: str
    tagline: str
    audiences: tuple[str, ...]
    body: tuple[dict, ...]
    topics: tuple[str, ...]
    acronyms: tuple[str, ...]
    colour: str


MEASURES = (
    Measure(
        slug="operations-de-revitalisation-de-territoire",
        title="Opérations de revitalisation de territoire (ORT)",
        tagline="Lutter contre la dévitalisation des centres villes",
        audiences=(TOWNS, BUSINESSES, OWNERS, DEVELOPERS),
        body=(
            paragraph(
                "<p>Créée par l’article 54 de la loi portant évolution du logement, de "
                "l’aménagement et du numérique (ELAN), l’opération de revitalisation de "
                "territoire est un contrat intégrateur unique. Elle constitue le support "
                "juridique des interventions du programme : les conventions Action cœur "
                "de ville valent ORT, même si une ORT peut être établie dans d’autres "
                "territoires.</p>"
            ),
            heading("Ce que permet une ORT"),
            paragraph(
                "<ul>"
                "<li>réunir dans un même contrat tout ou partie des actions d’amélioration "
                "de l’habitat ;</li>"
                "<li>instaurer le droit de préemption urbain renforcé ;</li>"
                "<li>inscrire ses actions dans les contrats de plan État-Région ;</li>"
                "<li>bénéficier de dérogations en matière d’urbanisme commercial dans son "
                "périmètre.</li>"
                "</ul>"
                "<p>La signature de la commune et de l’intercommunalité est obligatoire : "
                "elle garantit la cohérence de l’urbanisme commercial entre le centre et la "
                "périphérie.</p>"
            ),
            heading("Urbanisme commercial"),
            paragraph(
                "<p>Les commerces qui s’implantent en centre-ville, dans le périmètre annexé "
                "à la convention, ne sont pas soumis à autorisation d’exploitation "
                "commerciale. Après avis des collectivités de l’ORT, le préfet peut "
                "suspendre l’enregistrement et l’examen des demandes d’autorisation "
                "commerciale hors des secteurs d’intervention de l’ORT, pour favoriser un "
                "développement commercial harmonieux et maîtrisé.</p>"
            ),
            callout(
                "Dans le parcours d’une ville",
                "<p>Avec Action cœur de ville 2, l’offre de services suit trois étapes : "
                "signature de la convention-cadre, phase d’initialisation de un à "
                "dix-huit mois, puis homologation de la convention Action cœur de ville "
                "en convention ORT.</p>",
            ),
            heading("D’où vient l’ORT ?"),
            paragraph(
                "<p>Elle transforme l’opération de requalification des quartiers anciens "
                "dégradés (ORQAD) en un outil contractuel ensemblier et généraliste, auquel "
                "tous les financeurs peuvent adhérer. Pour l’élaborer, les collectivités "
                "peuvent s’appuyer sur l’ingénierie de l’État et de ses établissements "
                "publics, les agences d’urbanisme, les conseils d’architecture, d’urbanisme "
                "et de l’environnement, les établissements publics fonciers locaux ou "
                "encore le mécénat de compétences.</p>"
            ),
        ),
        topics=("habitat", "economie-et-commerce", "espace-public-et-patrimoine"),
        acronyms=("ORT", "ELAN", "ORQAD", "CPER", "EPF"),
        colour="bleu",
    ),
    Measure(
        slug="design-actif",
        title="Design actif",
        tagline="Aménager l’espace public et les bâtiments afin d’inciter l’activité physique",
        audiences=(TOWNS, RESIDENTS),
        body=(
            paragraph(
                "<p>Le design actif consiste à concevoir les rues, les places et les "
                "bâtiments de façon à donner envie de bouger au quotidien : marcher, monter "
                "un escalier, jouer, faire du sport en plein air.</p>"
                "<p>Dans les villes du programme, il accompagne la requalification des "
                "espaces publics et des équipements : aires de sport en accès libre, "
                "cheminements piétons agréables, mobilier qui invite au jeu.</p>"
            ),
        ),
        topics=("espace-public-et-patrimoine", "equipements-et-services-publics"),
        acronyms=(),
        colour="vert",
    ),
    Measure(
        slug="territoires-pilotes-de-sobriete-fonciere",
        title="Territoires pilotes de sobriété foncière",
        tagline="Accompagner les collectivités souhaitant limiter l’étalement urbain",
        audiences=(TOWNS, DEVELOPERS),
        body=(
            paragraph(
                "<p>Limiter l’étalement urbain, c’est d’abord mieux utiliser ce qui est déjà "
                "bâti ou aménagé : friches, îlots dégradés, logements et locaux vacants, "
                "grands espaces publics sous-utilisés. Le dispositif accompagne des "
                "territoires pilotes qui en font le cœur de leur projet.</p>"
                "<p>La place de la Brèche à Niort (Deux-Sèvres) fait partie des exemples mis "
                "en avant par l’ANCT.</p>"
            ),
            paragraph(
                "<p>La sobriété foncière guide aussi les priorités d’Action cœur de ville 2 "
                "sur les quartiers de gare et les entrées de ville : réduire "
                "l’artificialisation des sols et démontrer le recyclage possible de ces "
                "espaces.</p>"
            ),
        ),
        topics=("espace-public-et-patrimoine", "habitat", "innovation"),
        acronyms=("EPF",),
        colour="turquoise",
    ),
    Measure(
        slug="forum-des-solutions",
        title="Forum des solutions",
        tagline="Les rendez-vous de la revitalisation des villes moyennes",
        audiences=(TOWNS, BUSINESSES),
        body=(
            paragraph(
                "<p>Le Forum des solutions réunit les équipes des villes du programme, leurs "
                "partenaires et des acteurs économiques et associatifs autour de solutions "
                "concrètes pour revitaliser les centres-villes : commerce, habitat, "
                "mobilité, services.</p>"
                "<p>Ces rendez-vous prolongent le travail des groupes thématiques et du "
                "forum de la communauté Cœur de ville.</p>"
            ),
        ),
        topics=("animation-des-centres-villes", "innovation"),
        acronyms=(),
        colour="violet",
    ),
    Measure(
        slug="au-coeur-des-territoires",
        title="Au cœur des territoires",
        tagline="Des espaces d’accès à la formation dans les villes moyennes",
        audiences=(TOWNS, RESIDENTS),
        body=(
            paragraph(
                "<p>Mené avec le Conservatoire national des arts et métiers, « Au cœur des "
                "territoires » ouvre dans des villes du programme des espaces d’accès à la "
                "formation : les habitants peuvent se former près de chez eux, sans avoir à "
                "rejoindre une métropole.</p>"
                "<p>Ces lieux renforcent le rôle de centralité des villes moyennes, l’une "
                "des priorités d’Action cœur de ville 2.</p>"
            ),
        ),
        topics=("equipements-et-services-publics", "numerique"),
        acronyms=("Cnam",),
        colour="ocre",
    ),
    Measure(
        slug="reinventons-nos-coeurs-de-ville",
        title="Réinventons nos cœurs de ville",
        tagline="Accélérer la redynamisation des cœurs de ville",
        audiences=(TOWNS, DEVELOPERS),
        body=(
            paragraph(
                "<p>Les villes du programme proposent un site de leur centre — un îlot, un "
                "bâtiment vacant, un ancien équipement public — à des équipes de "
                "concepteurs et d’opérateurs, qui y imaginent un projet mêlant logements, "
                "activités et services.</p>"
            ),
            heading("Deux sessions"),
            paragraph(
                "<p>Lors de la première session, en 2019, 112 villes ont proposé un site. La "
                "deuxième session, en 2022, a distingué 30 sites lauréats, parmi lesquels "
                "l’ancien collège Mistral à Arles, les Bains dunkerquois à Dunkerque ou "
                "l’ancien hôpital de Saint-Laurent-du-Maroni. La brochure de l’ANCT et du "
                "Puca « Réinventons nos cœurs de ville – Des ambitions aux projets » "
                "(avril 2021) retrace la première session.</p>"
            ),
            callout(
                "Un accompagnement technique",
                "<p>Le Cerema contribue à l’appel à manifestation d’intérêt au niveau "
                "national et accompagne les collectivités dans leurs appels à projets "
                "locaux, comme le prévoit sa convention-cadre de 2018.</p>",
            ),
        ),
        topics=("espace-public-et-patrimoine", "habitat", "innovation"),
        acronyms=("AMI", "Cerema", "Puca"),
        colour="rouge",
    ),
    Measure(
        slug="partenariats-non-institutionnels",
        title="Partenariats non-institutionnels",
        tagline="Une offre de service élargie au travers de partenariats",
        audiences=(TOWNS, BUSINESSES),
        body=(
            paragraph(
                "<p>Au-delà des partenaires financeurs, Action cœur de ville permet aux "
                "collectivités de bénéficier d’enrichissements permanents grâce à de "
                "nombreux partenariats, par exemple avec le Cnam, la SIAGI ou encore "
                "Val’hor.</p>"
                "<p>Pour mobiliser les offres du programme, les collectivités bénéficiaires "
                "sont invitées à se rapprocher de leur préfecture de département.</p>"
            ),
        ),
        topics=("economie-et-commerce",),
        acronyms=("SIAGI", "Cnam"),
        colour="gris",
    ),
)


def load_demo(context: DemoContext) -> None:
    """« Dispositifs » and its seven measures (load the programme first for the topics and
    the glossary)."""
    home = context.home
    index = child_page(
        home,
        MeasureIndexPage,
        "dispositifs",
        title="Dispositifs",
        introduction="Les outils que le programme met à la disposition des villes : cadre "
        "juridique, appels à projets, accompagnement, rencontres et "
        "partenariats.",
    )
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    terms = {term.acronym: term for term in GlossaryTerm.objects.all()}
    for measure in MEASURES:
        child_page(
            index,
            MeasurePage,
            measure.slug,
            title=measure.title,
            tagline=measure.tagline,
            audiences=[slugify(audience) for audience in measure.audiences],
            listing_image=demo_image(f"Dispositif — {measure.title}", measure.colour),
            body=list(measure.body),
            topics=[topics[slug] for slug in measure.topics if slug in topics],
            acronyms=[terms[acronym] for acronym in measure.acronyms if acronym in terms],
        )
