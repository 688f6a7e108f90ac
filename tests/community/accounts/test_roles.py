"""Roles as groups, and the predicates every app uses."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.core.management import call_command

from community.accounts import roles
from tests.community.conftest import make_user

pytestmark = pytest.mark.django_db


def test_role_groups_exist_with_french_names_after_migrations():
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Référents", "Modération du forum", "Coordination des groupes de travail"} <= names


def test_ensure_roles_is_idempotent_and_lets_moderators_into_the_admin():
    Group.objects.all().delete()
    first = roles.ensure_roles()
    second = roles.ensure_roles()
    assert first.keys() == second.keys()
    assert Group.objects.filter(name=roles.MODERATORS).count() == 1
    moderators = Group.objects.get(name=roles.MODERATORS)
    assert moderators.permissions.filter(codename="access_admin").exists()


def test_load_reference_data_creates_the_roles(db):
    Group.objects.all().delete()
    call_command("load_reference_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Group.objects.filter(name=roles.REFERENTS).exists()


def test_visitor_has_no_role():
    visitor = AnonymousUser()
    assert not roles.is_member(visitor)
    assert not roles.is_referent(visitor)
    assert not roles.is_moderator(visitor)
    assert not roles.is_coordinator(visitor)
    assert not roles.is_staff(visitor)


def test_member_needs_a_verified_email_and_an_active_account(member, unverified):
    assert roles.is_member(member)
    assert not roles.is_member(unverified)
    member.is_active = False
    assert not roles.is_member(member)


def test_referent_is_a_verified_member_in_the_referents_group(member, unverified):
    assert not roles.is_referent(member)
    roles.add_role(member, roles.REFERENTS)
    assert roles.is_referent(member)
    roles.add_role(unverified, roles.REFERENTS)
    assert not roles.is_referent(unverified)
    roles.remove_role(member, roles.REFERENTS)
    assert not roles.is_referent(member)


def test_moderator_and_staff(member, staff_user):
    assert not roles.is_moderator(member)
    roles.add_role(member, roles.MODERATORS)
    assert roles.is_moderator(member)
    assert roles.is_staff(staff_user)
    assert not roles.is_staff(member)


def test_coordination_of_one_group_comes_from_registered_checks(member, staff_user):
    other = make_user("autre@ville-agen.fr")
    group = object()

    def coordinates(user, working_group):
        return working_group is group and user.pk == member.pk

    roles.register_coordination_check(coordinates)
    try:
        assert roles.is_coordinator(member, group)
        assert not roles.is_coordinator(other, group)
        assert not roles.is_coordinator(member, object())
        assert roles.is_coordinator(staff_user, group)
        assert not roles.is_coordinator(member)  # not in the general coordinators' group
    finally:
        roles._coordination_checks.remove(coordinates)


def test_role_checks_cost_one_query_per_user(member, django_assert_num_queries):
    with django_assert_num_queries(2):  # verified address, then group names
        for _ in range(5):
            roles.is_referent(member)
            roles.is_moderator(member)
            roles.is_coordinator(member)


def test_referent_badge(client, member, home_page):
    from django.template.loader import render_to_string

    plain = render_to_string("community/includes/user_badge.html", {"user": member})
    assert "Camille Martin" in plain
    assert "Référent" not in plain
    roles.add_role(member, roles.REFERENTS)
    badge = render_to_string("community/includes/user_badge.html", {"user": member})
    assert "fr-badge" in badge
    assert "Référent" in badge
    deleted = render_to_string("community/includes/user_badge.html", {"user": None})
    assert "Compte supprimé" in deleted
