"""Template filters for the town pages."""

from django import template

from cms.territories import formats

register = template.Library()
register.filter("thousands", formats.thousands)
register.filter("long_date", formats.long_date)
