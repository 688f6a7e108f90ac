"""Who may see each contact field of a directory entry: ONE rule for every output.

HTML pages, the vCard, the staff CSV export, and later search and the newsletter all call
``visible_contact(entry, user)`` and print only what it returns; none reads
``entry.email``/``phone``/``address`` directly.

- public: everyone;
- members: members (verified e-mail, see ``community.accounts.roles.is_member``) and staff;
- staff: staff only.

The person the entry describes always sees their own details.
"""

from dataclasses import dataclass
from typing import Any

from django.db import models

from community.accounts.roles import is_member, is_staff


class Visibility(models.TextChoices):
    PUBLIC = "public", "Tout le monde"
    MEMBERS = "members", "Les membres de la communauté"
    STAFF = "staff", "L’équipe du programme"


@dataclass(frozen=True)
class Contact:
    email: str = ""
    phone: str = ""
    address: str = ""

    def __bool__(self) -> bool:
        return bool(self.email or self.phone or self.address)


def can_see(visibility: str, user: Any, entry: Any = None) -> bool:
    own = entry is not None and entry.user_id and user is not None and user.is_authenticated
    if own and entry.user_id == user.pk:
        return True
    if visibility == Visibility.PUBLIC:
        return True
    if visibility == Visibility.MEMBERS:
        return is_member(user) or is_staff(user)
    return is_staff(user)  # staff, and any unknown value: the strictest


def visible_contact(entry: Any, user: Any) -> Contact:
    """The contact details of `entry` that `user` (maybe anonymous or None) may see."""
    return Contact(
        email=entry.email if can_see(entry.email_visibility, user, entry) else "",
        phone=entry.phone if can_see(entry.phone_visibility, user, entry) else "",
        address=entry.address if can_see(entry.address_visibility, user, entry) else "",
    )
