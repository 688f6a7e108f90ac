"""Community fixtures: accounts by role (visitor, unverified, members), and for the forum
the roles of the permission matrix with a public and a members-only group."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from community.accounts import roles
from community.groups.models import Visibility

from .factories import UserFactory, add_member, group_with_category, make_topic

PASSWORD = "une phrase de passe solide"


def make_user(email: str, *, verified: bool = True, **fields: object):
    user = get_user_model().objects.create_user(
        email=email,
        password=PASSWORD,
        first_name=fields.pop("first_name", "Camille"),
        last_name=fields.pop("last_name", "Martin"),
        **fields,
    )
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=verified)
    return user


@pytest.fixture
def password() -> str:
    return PASSWORD


@pytest.fixture
def member(db):
    return make_user("membre@ville-agen.fr", first_name="Camille", last_name="Martin")


@pytest.fixture
def unverified(db):
    return make_user("nouveau@ville-agen.fr", verified=False)


@pytest.fixture
def staff_user(db):
    return make_user("equipe@anct.gouv.fr", is_staff=True, first_name="Alex", last_name="Dupont")


@pytest.fixture
def other_member(db):
    return UserFactory(first_name="Éloïse", last_name="Durand")


@pytest.fixture
def moderator(db):
    user = UserFactory(first_name="Modé", last_name="Rateur")
    roles.ensure_roles()  # the role's group lets moderators into the admin
    roles.add_role(user, roles.MODERATORS)
    return user


@pytest.fixture
def staff(db):
    return UserFactory(first_name="Équipe", last_name="Programme", is_staff=True)


@pytest.fixture
def public_group(db):
    return group_with_category(visibility=Visibility.PUBLIC, title="Habitat", slug="habitat")


@pytest.fixture
def private_group(db):
    return group_with_category(visibility=Visibility.MEMBERS, title="Commerce", slug="commerce")


@pytest.fixture
def world(db, member, other_member, moderator, staff, public_group, private_group):
    """Every role of the matrix, and a topic with a reply in each group's forum."""
    group_member = UserFactory(first_name="Gaëlle", last_name="Membre")
    coordinator = UserFactory(first_name="Coline", last_name="Coordinatrice")
    for group in (public_group, private_group):
        add_member(group, group_member)
        group.coordinators.add(coordinator)
        group.save()  # modelcluster writes parental relations on save
    topics = {
        "public": make_topic(public_group.category, group_member, posts=2, title="Sujet public"),
        "private": make_topic(private_group.category, group_member, posts=2, title="Sujet réservé"),
    }
    return {
        "visitor": None,
        "member": member,
        "group_member": group_member,
        "coordinator": coordinator,
        "moderator": moderator,
        "staff": staff,
        "topics": topics,
        "groups": {"public": public_group, "private": private_group},
    }


@pytest.fixture
def client_for(client):
    def login(user):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return login
