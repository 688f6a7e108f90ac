"""Grows the demo forum to 20,000 topics and 200,000 posts: `python -m bench.forum_populate`
(run by `python -m bench.forum` in the isolated site's environment, after `load_demo`).

A few hundred verified members write French posts (rendered to HTML once per distinct
body, as posting does) spread over every category, the members-only one included; a few
topics are long (100 pages) so that "a topic's last page" is deep. Topics are bulk-created,
posts are COPYed: the build takes a minute, not an hour. The first bench members belong to
every group; the first has read some of the topics (unread markers), and follows what they wrote.
"""

import datetime
import io
import os
import random
import sys
import time

AUTHORS = 300
TOPICS = 20_000
POSTS = 200_000
LONG_TOPICS = 10
LONG_TOPIC_POSTS = 2_000
# The first members belong to every working group (they read and post everywhere).
POSTING_MEMBERS = 10
BENCH_PASSWORD = "bench-membre-mot-de-passe"
BENCH_EMAIL = "bench-membre-{}@example.org"

SENTENCES = (
    "Nous avons lancé l’opération de revitalisation du centre-ville au printemps dernier.",
    "La convention ORT a été signée avec l’intercommunalité et les partenaires financeurs.",
    "Le comité de projet se réunit chaque trimestre avec la préfecture et la Banque des territoires.",
    "Les commerçants de la rue principale demandent un plan de stationnement plus lisible.",
    "L’Anah finance une partie des travaux de rénovation des logements vacants du centre.",
    "Nous cherchons des retours d’expérience sur les foncières de redynamisation commerciale.",
    "Le manager de centre-ville anime un collectif de commerçants très actif.",
    "La halle du marché sera réhabilitée en 2027, avec un espace de restauration.",
    "Quelqu’un a-t-il mis en place un observatoire de la vacance commerciale ?",
    "Action Logement accompagne deux opérations de recyclage d’immeubles dégradés.",
    "La piétonnisation partielle a fait débat, mais la fréquentation a augmenté de 12 %.",
    "Le Cerema nous a aidés à diagnostiquer les mobilités douces entre la gare et le centre.",
    "Nous partageons volontiers notre cahier des charges pour l’étude pré-opérationnelle.",
    "Les permanences de l’espace France services attirent du monde en cœur de ville.",
    "Le budget participatif a financé la végétalisation de la place de l’église.",
    "Merci pour ce partage, c’est très utile pour notre propre dossier.",
    "Je vous conseille de contacter le référent départemental de l’État assez tôt.",
    "Le droit de préemption commercial reste délicat à manier pour une petite commune.",
)
TITLES = (
    "Revitaliser les commerces de la rue principale",
    "Retour d’expérience : OPAH-RU et logements vacants",
    "Stationnement et piétonnisation : vos solutions ?",
    "Foncière commerciale : montage et partenaires",
    "Observer la vacance commerciale avec des outils simples",
    "Réhabiliter une halle de marché",
    "Mobilités douces entre la gare et le centre",
    "Animer un collectif de commerçants",
    "Budget participatif et espaces publics",
    "Préparer le comité de projet annuel",
)


def _bodies(rng: random.Random, count: int) -> list[tuple[str, str]]:
    from community.forum.markup import render_markdown

    bodies = []
    for number in range(count):
        paragraphs = [
            " ".join(rng.sample(SENTENCES, rng.randint(1, 4))) for _ in range(rng.randint(1, 3))
        ]
        if number % 5 == 0:
            paragraphs.append("Points à retenir :\n\n- le *calendrier*\n- les **partenaires**")
        if number % 7 == 0:
            paragraphs.append("Voir [le guide du programme](https://www.example.org/guide).")
        body = "\n\n".join(paragraphs)
        bodies.append((body, render_markdown(body)))
    return bodies


def _members() -> list:
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from community.groups.models import Membership, WorkingGroup

    User = get_user_model()
    password = make_password(BENCH_PASSWORD)
    first_names = ("Camille", "Dominique", "Claude", "Sacha", "Alix", "Morgane", "Yanis", "Inès")
    last_names = ("Martin", "Bernard", "Dubois", "Lefebvre", "Moreau", "Garnier", "Faure")
    users = User.objects.bulk_create(
        [
            User(
                email=BENCH_EMAIL.format(number),
                first_name=first_names[number % len(first_names)],
                last_name=f"{last_names[number % len(last_names)]} {number}",
                password=password,
            )
            for number in range(AUTHORS)
        ]
    )
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in users]
    )
    Membership.objects.bulk_create(
        [
            Membership(group=group, user=user)
            for group in WorkingGroup.objects.all()
            for user in users[:POSTING_MEMBERS]
        ],
        ignore_conflicts=True,
    )
    return users


def _copy(table: str, columns: tuple[str, ...], rows: io.StringIO) -> None:
    from django.db import connection

    rows.seek(0)
    with connection.cursor() as cursor:
        copy_sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
        raw = cursor.cursor
        if hasattr(raw, "copy"):  # psycopg 3
            with raw.copy(copy_sql) as copy:
                copy.write(rows.getvalue())
        else:  # psycopg 2
            raw.copy_expert(copy_sql, rows)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "")


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coeurdeville.settings.production")
    import django

    django.setup()
    from django.db import connection, transaction

    from community.forum.models import Category, Post, ReadMarker, Topic
    from community.notifications.models import Follow

    if connection.vendor != "postgresql":
        raise SystemExit("bench.forum_populate needs PostgreSQL (it COPYs the posts)")
    started = time.monotonic()
    rng = random.Random(6)
    bodies = _bodies(rng, 400)
    with transaction.atomic():
        users = _members()
        categories = list(Category.objects.order_by("pk"))
        # Post counts: a few long topics, the rest between 1 and 16 posts.
        counts = [LONG_TOPIC_POSTS] * LONG_TOPICS
        remaining = POSTS - sum(counts) - Post.objects.count()
        short = TOPICS - LONG_TOPICS
        counts += [1] * short
        for _ in range(remaining - short):
            counts[LONG_TOPICS + rng.randrange(short)] += 1
        now = datetime.datetime.now(datetime.UTC)
        topics = []
        for number, post_count in enumerate(counts):
            created = now - datetime.timedelta(minutes=30 * (TOPICS - number) + 600)
            topics.append(
                Topic(
                    # Long topics in the first (public) category, the rest spread evenly.
                    category=categories[0 if number < LONG_TOPICS else number % len(categories)],
                    title=f"{TITLES[number % len(TITLES)]} ({number})",
                    author=users[number % AUTHORS],
                    created_at=created,
                    last_post_at=created + datetime.timedelta(seconds=post_count),
                    post_count=post_count,
                    is_pinned=number % 4_000 == 0,
                )
            )
        topics = Topic.objects.bulk_create(topics, batch_size=2_000)
        rows = io.StringIO()
        escaped = [(_escape(body), _escape(html)) for body, html in bodies]
        written = 0
        for topic, post_count in zip(topics, counts, strict=True):
            for number in range(1, post_count + 1):
                body, html = escaped[(topic.pk * 31 + number) % len(escaped)]
                author = users[(topic.pk + number * 7) % AUTHORS].pk
                when = topic.created_at + datetime.timedelta(seconds=number)
                rows.write(
                    f"{topic.pk}\t{number}\t{author}\t{body}\t{html}\t{when.isoformat()}\tf\tf\t0\n"
                )
                written += 1
        columns = ("topic_id", "number", "author_id", "body", "html", "created_at")
        _copy(
            Post._meta.db_table,
            (*columns, "is_deleted", "is_hidden", "report_count"),
            rows,
        )
        bench_member = users[0]
        ReadMarker.objects.bulk_create(
            [
                ReadMarker(
                    user=bench_member, topic=topic, last_read_number=max(1, topic.post_count - 1)
                )
                for topic in topics[::2]
            ],
            batch_size=2_000,
        )
        Follow.objects.bulk_create(
            [
                Follow(user_id=topic.author_id, topic=topic)
                for topic in topics
                if topic.author_id is not None
            ],
            batch_size=2_000,
            ignore_conflicts=True,
        )
    # As autovacuum would soon: statistics, and the visibility map of index-only scans.
    with connection.cursor() as cursor:
        for model in (Post, Topic, ReadMarker, Follow):
            cursor.execute(f"VACUUM ANALYZE {model._meta.db_table}")
    print(
        f"  forum: {Topic.objects.count()} topics, {Post.objects.count()} posts, "
        f"{len(users)} bench members ({time.monotonic() - started:.0f} s)"
    )


if __name__ == "__main__":
    sys.exit(main())
