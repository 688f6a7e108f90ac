"""Demo content of the community: working groups with coordinators and documents, two
calls for contributions (one with a questionnaire) and French threads with replies in
several groups, one of them members-only. Demo accounts have no usable password: the
accounts app decides which ones to print for `make run`. Idempotent."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page

from cms.core.demo_builders import DemoContext, demo_pdf
from cms.territories.models import Town
from community.forum import posting
from community.forum.models import Category, Topic
from community.groups.models import (
    CallForContributions,
    GroupDocument,
    Membership,
    QuestionnaireField,
    QuestionnairePage,
    Visibility,
    WorkingGroup,
)
from community.groups.setup import ensure_topic_groups

PEOPLE = [
    ("claire.lefebvre@demo.coeurdeville.example", "Claire", "Lefebvre"),
    ("mehdi.benali@demo.coeurdeville.example", "Mehdi", "Benali"),
    ("sophie.garnier@demo.coeurdeville.example", "Sophie", "Garnier"),
    ("jean-marc.rousseau@demo.coeurdeville.example", "Jean-Marc", "Rousseau"),
    ("aurelie.nguyen@demo.coeurdeville.example", "Aurélie", "Nguyen"),
]

THREADS = [
    (
        "habitat",
        "Mobiliser l’OPAH-RU sur les îlots dégradés : vos retours ?",
        "Blois",
        [
            "Bonjour à tous,\n\nNous lançons une **OPAH-RU** sur deux îlots du centre. "
            "Comment avez-vous associé les copropriétés en difficulté dès la phase d’étude ?",
            "À Albi, nous avons organisé des permanences en pied d’immeuble avec l’opérateur :\n\n"
            "- une demi-journée par semaine ;\n- un courrier personnalisé aux syndics ;\n"
            "- une réunion publique par îlot.\n\n@claire.lefebvre, je peux vous envoyer notre cahier des charges.",
            "> une réunion publique par îlot\n\nMerci, c’est exactement ce qui nous manquait. "
            "Le guide de l’Anah sur le sujet est [ici](https://www.anah.gouv.fr/).",
        ],
    ),
    (
        "numerique",
        "Outils pour recenser les cellules commerciales vacantes",
        "Nevers",
        [
            "Quel outil utilisez-vous pour tenir à jour la vacance commerciale ? Un tableur "
            "partagé suffit-il, ou faut-il un observatoire ?",
            "Nous avons commencé par un tableur, puis nous sommes passés à une carte partagée "
            "avec la CCI. *Le plus dur reste la mise à jour.*",
        ],
    ),
]

PRIVATE_THREAD = (
    "economie-et-commerce",
    "Préparation du comité de pilotage régional (réservé aux membres)",
    [
        "Voici l’ordre du jour provisoire du prochain comité :\n\n1. bilan des foncières de redynamisation ;\n"
        "2. calendrier des appels à projets ;\n3. questions diverses.",
        "Pouvons-nous ajouter un point sur les baux commerciaux dérogatoires ?",
    ],
)


def _people() -> list:
    User = get_user_model()
    users = []
    for email, first, last in PEOPLE:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email, None, first_name=first, last_name=last)
        users.append(user)
    return users


def _questionnaire(home: Page) -> QuestionnairePage:
    existing = (
        QuestionnairePage.objects.child_of(home)
        .filter(slug="questionnaire-vacance-commerciale")
        .first()
    )
    if existing:
        return existing
    page = QuestionnairePage(
        title="Questionnaire : la vacance commerciale dans votre ville",
        slug="questionnaire-vacance-commerciale",
        introduction="<p>Dix minutes pour partager vos outils et vos besoins.</p>",
        thank_you_text="<p>Le groupe de travail publiera une synthèse des réponses.</p>",
    )
    home.add_child(instance=page)
    for order, (label, field_type, choices) in enumerate(
        [
            ("Votre ville", "singleline", ""),
            (
                "Taux de vacance estimé",
                "dropdown",
                "moins de 5 %\nde 5 à 10 %\nde 10 à 15 %\nplus de 15 %",
            ),
            ("Vos outils et vos besoins", "multiline", ""),
        ]
    ):
        QuestionnaireField.objects.create(
            page=page,
            sort_order=order,
            label=label,
            field_type=field_type,
            choices=choices,
            required=True,
        )
    page.save_revision().publish()
    return page


def load_demo(context: DemoContext) -> None:
    """The community's demo step (see `coeurdeville.demo`)."""
    load(context.home)


def load(home: Page) -> None:
    ensure_topic_groups()
    people = _people()
    groups = {group.slug: group for group in WorkingGroup.objects.all()}
    commerce = groups["economie-et-commerce"]
    if commerce.forum_visibility != Visibility.MEMBERS:
        commerce.forum_visibility = Visibility.MEMBERS
        commerce.is_open = False
        commerce.save()
        Category.objects.filter(group=commerce).update(visibility=Visibility.MEMBERS)
    for index, group in enumerate(groups.values()):
        if not group.coordinators.exists():
            group.coordinators.add(people[index % 2])
            if not group.description:
                group.description = (
                    f"<p>Le groupe de travail réunit référents, villes et partenaires autour de "
                    f"l’axe « {group.topic.short_title if group.topic else group.title} ». Il se réunit "
                    f"chaque trimestre et publie ici la restitution de ses travaux.</p>"
                )
            group.save()
            GroupDocument.objects.create(
                group=group,
                document=demo_pdf(
                    f"Restitution des travaux — {group.title}",
                    ["Synthèse de la séance de lancement.", "Prochaines étapes et calendrier."],
                ),
                title="Restitution de la séance de lancement",
            )
        for person in people[2:]:
            Membership.objects.get_or_create(group=group, user=person)
    for person in people[:2]:
        Membership.objects.get_or_create(group=commerce, user=person)

    if not Topic.objects.exists():
        for slug, title, town_name, bodies in THREADS:
            category = groups[slug].category
            town = Town.objects.filter(name=town_name).first()
            topic = posting.create_topic(
                category=category,
                author=people[2],
                title=title,
                body=bodies[0],
                town=town,
                subject=groups[slug].topic,
            )
            for n, body in enumerate(bodies[1:]):
                posting.create_reply(topic=topic, author=people[(n + 3) % len(people)], body=body)
        slug, title, bodies = PRIVATE_THREAD
        topic = posting.create_topic(
            category=commerce.category, author=people[0], title=title, body=bodies[0]
        )
        posting.create_reply(topic=topic, author=people[1], body=bodies[1])
        general = Category.objects.get(slug="general")
        posting.create_topic(
            category=general,
            author=people[3],
            title="Bienvenue sur le forum Cœur de ville",
            body="Présentez-vous ici : votre ville, votre rôle dans le programme, vos sujets du moment.",
        )

    if not CallForContributions.objects.exists():
        today = timezone.localdate()
        CallForContributions.objects.create(
            group=groups["habitat"],
            title="Appel à contributions : réhabiliter les logements vacants du centre",
            text="<p>Partagez vos opérations de recyclage d’immeubles vacants : montages, "
            "partenaires, coûts et délais. Les contributions nourriront le guide du groupe.</p>",
            deadline=today + datetime.timedelta(days=45),
        )
        CallForContributions.objects.create(
            group=groups["numerique"],
            title="Enquête : observer la vacance commerciale",
            text="<p>Répondez au questionnaire et racontez vos outils sur le forum.</p>",
            deadline=today + datetime.timedelta(days=30),
            questionnaire=_questionnaire(home),
        )
