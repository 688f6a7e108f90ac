"""Community fixtures: the roles of the permission matrix, a public and a members-only group."""

import pytest
from django.contrib.auth.models import Permission

from community.groups.models import Visibility

from .factories import UserFactory, add_member, group_with_category, make_topic


@pytest.fixture
def member(db):
    return UserFactory(first_name="Camille", last_name="Martin")


@pytest.fixture
def other_member(db):
    return UserFactory(first_name="Éloïse", last_name="Durand")


@pytest.fixture
def moderator(db):
    user = UserFactory(first_name="Modé", last_name="Rateur")
    user.user_permissions.add(Permission.objects.get(codename="moderate_forum"))
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
