"""The community's roles, as Django groups managed in the Wagtail admin, and the predicates
every app uses to check them.

Roles (issue 6): visitor, member, referent, working-group coordinator, moderator, staff.

- ``is_member(user)``: an active account whose e-mail address is verified.
- ``is_referent(user)``: a member in the « Référents » group; staff put them there once they
  have checked who they are (``verify_referent``), and the badge
  (``community/includes/user_badge.html``) shows it.
- ``is_coordinator(user, group=None)``: without ``group``, a member of the « Coordination des
  groupes de travail » group; with a working group, whatever the checks registered with
  ``register_coordination_check(fn(user, group) -> bool)`` say (the working-groups app
  registers its own), or staff.
- ``is_moderator(user)``: a member of « Modération du forum », or a superuser.
- ``is_staff(user)``: an active account with ``is_staff``.

``ensure_roles()`` creates the groups (a data migration and ``load_reference_data`` call it;
it is idempotent). Apps that need permissions on a role extend ``ROLE_PERMISSIONS`` before
it runs, or grant them in their own migration.
"""

from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import Group, Permission
from django.db import transaction

REFERENTS = "Référents"
COORDINATORS = "Coordination des groupes de travail"
MODERATORS = "Modération du forum"

ROLE_GROUPS = (REFERENTS, COORDINATORS, MODERATORS)

# "app_label.codename" granted to each role's group when the permission exists.
ROLE_PERMISSIONS: dict[str, list[str]] = {
    REFERENTS: [],
    COORDINATORS: [],
    # The moderation queue lives in the Wagtail admin.
    MODERATORS: ["wagtailadmin.access_admin"],
}

AnyUser = Any  # a User or an AnonymousUser
CoordinationCheck = Callable[[AnyUser, Any], bool]
_coordination_checks: list[CoordinationCheck] = []


def ensure_roles() -> dict[str, Group]:
    """Create the role groups and grant their permissions; return them by name."""
    groups: dict[str, Group] = {}
    with transaction.atomic():
        for name in ROLE_GROUPS:
            group, _ = Group.objects.get_or_create(name=name)
            for dotted in ROLE_PERMISSIONS.get(name, []):
                app_label, codename = dotted.split(".", 1)
                permission = Permission.objects.filter(
                    content_type__app_label=app_label, codename=codename
                ).first()
                if permission:
                    group.permissions.add(permission)
            groups[name] = group
    return groups


def add_role(user: AnyUser, role: str) -> None:
    """Put `user` in a role's group (creating it if a test database was flushed)."""
    group, _ = Group.objects.get_or_create(name=role)
    user.groups.add(group)
    _forget(user)


def remove_role(user: AnyUser, role: str) -> None:
    user.groups.remove(*Group.objects.filter(name=role))
    _forget(user)


def register_coordination_check(check: CoordinationCheck) -> CoordinationCheck:
    """Let the working-groups app say who coordinates one of its groups."""
    if check not in _coordination_checks:
        _coordination_checks.append(check)
    return check


def _active(user: AnyUser) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def _group_names(user: AnyUser) -> frozenset[str]:
    # One query per request-scoped user object, however many predicates a page calls.
    names = getattr(user, "_role_group_names", None)
    if names is None:
        names = frozenset(user.groups.values_list("name", flat=True))
        user._role_group_names = names
    return names


def _forget(user: AnyUser) -> None:
    for attr in ("_role_group_names", "_has_verified_email"):
        if hasattr(user, attr):
            delattr(user, attr)


def has_verified_email(user: AnyUser) -> bool:
    if not _active(user):
        return False
    verified = getattr(user, "_has_verified_email", None)
    if verified is None:
        from allauth.account.models import EmailAddress

        verified = EmailAddress.objects.filter(user=user, verified=True).exists()
        user._has_verified_email = verified
    return verified


def is_member(user: AnyUser) -> bool:
    """An active account with a verified e-mail address."""
    return has_verified_email(user)


def is_staff(user: AnyUser) -> bool:
    return _active(user) and bool(user.is_staff)


def is_referent(user: AnyUser) -> bool:
    """A member whose identity staff have checked (the « Référents » group)."""
    return is_member(user) and REFERENTS in _group_names(user)


def is_moderator(user: AnyUser) -> bool:
    if not _active(user):
        return False
    return bool(user.is_superuser) or (is_member(user) and MODERATORS in _group_names(user))


def is_coordinator(user: AnyUser, group: Any = None) -> bool:
    """Coordinates working groups in general, or the given working group."""
    if not _active(user):
        return False
    if group is None:
        return is_member(user) and COORDINATORS in _group_names(user)
    if is_staff(user):
        return True
    return is_member(user) and any(check(user, group) for check in _coordination_checks)


def role_labels(user: AnyUser) -> list[str]:
    """The French names of a user's roles, for « Mon compte » and the admin."""
    if not _active(user):
        return []
    labels = []
    if is_member(user):
        labels.append("Membre")
    if is_referent(user):
        labels.append("Référent")
    if is_coordinator(user):
        labels.append("Coordination de groupes de travail")
    if is_moderator(user):
        labels.append("Modération")
    if is_staff(user):
        labels.append("Équipe du programme")
    return labels
