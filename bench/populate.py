"""Grows the demo site to a realistic volume: `python -m bench.populate` (run by the bench in
the isolated site's environment, after `load_demo`).

Each section's demo pages serve as templates: they are copied under the same index page
with a new title, slug and date, and a town taken in turn among the 245, so listings,
filters and related-content queries see a spread of values. Copies are made the way
Wagtail copies a page (one revision each, live, indexed for search).
"""

import datetime
import itertools
import os
import sys
import time

import django

# Pages wanted in each section (path under the home page), demo pages included.
VOLUME = {
    "retours-d-experience": 600,
    "guides": 300,
    "ressources": 450,
    "actualites": 600,
    "presse": 80,
}
DATE_SPREAD_DAYS = 6 * 365


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coeurdeville.settings.production")
    django.setup()

    from django.db import models, transaction
    from wagtail.models import Page, Site

    from cms.territories.models import Town

    home = Site.objects.get(is_default_site=True).root_page
    towns = itertools.cycle(list(Town.objects.order_by("name")))
    today = datetime.date.today()
    for section, wanted in VOLUME.items():
        index = home.get_children().filter(slug=section).first()
        if index is None:
            print(f"  {section}: no such section, skipped", file=sys.stderr)
            continue
        templates = [page.specific for page in index.get_children().live().order_by("path")]
        if not templates:
            print(f"  {section}: no page to copy, skipped", file=sys.stderr)
            continue
        started = time.monotonic()
        count = len(templates)
        with transaction.atomic():
            for number in range(count, wanted):
                source = templates[number % len(templates)]
                fields = source._meta.get_fields()
                attributes = {
                    "title": f"{source.title} ({number})",
                    "slug": f"{source.slug}-{number}",
                    **{
                        field.name: next(towns)
                        for field in fields
                        if isinstance(field, models.ForeignKey) and field.related_model is Town
                    },
                    **{
                        field.name: today
                        - datetime.timedelta(days=(number * 37) % DATE_SPREAD_DAYS)
                        for field in fields
                        if field.name == "published_on"
                    },
                }
                source.copy(
                    to=index,
                    update_attrs=attributes,
                    keep_live=True,
                    copy_revisions=False,
                    log_action=None,
                )
                count += 1
        print(f"  {section}: {count} pages ({time.monotonic() - started:.0f} s)")
    print(f"  total: {Page.objects.live().count()} live pages, {Town.objects.count()} towns")


if __name__ == "__main__":
    main()
