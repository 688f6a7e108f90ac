from django import template

from newsletter.consent import current_wording

register = template.Library()


@register.simple_tag
def consent_wording() -> str:
    """The consent text every sign-up form shows (its version is stored with the request)."""
    return current_wording()
