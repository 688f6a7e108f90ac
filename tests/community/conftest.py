"""Accounts for the community tests: a visitor, an unverified account, members by role."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

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
