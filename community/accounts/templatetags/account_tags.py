"""Role checks for templates: `{% load account_tags %}` then `user|is_referent`…"""

from typing import Any

from django import template

from community.accounts import roles

register = template.Library()


@register.filter
def is_member(user: Any) -> bool:
    return roles.is_member(user)


@register.filter
def is_referent(user: Any) -> bool:
    return roles.is_referent(user)


@register.filter
def is_moderator(user: Any) -> bool:
    return roles.is_moderator(user)


@register.filter
def is_coordinator(user: Any, group: Any = None) -> bool:
    return roles.is_coordinator(user, group)
