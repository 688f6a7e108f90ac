"""Template helpers of the community pages."""

from typing import Any

from django import template

from community.forum.names import public_name

register = template.Library()


@register.filter
def display_name(user: Any) -> str:
    """The public name of a member: never their e-mail address."""
    return public_name(user)
