"""RSS feed of the directory's arrivals: the referents who took up their post most
recently. Contact details go through `visible_contact` for an anonymous reader, like every
other output: only what the person made public."""

import datetime
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed

from .models import DirectoryEntry
from .visibility import visible_contact

FEED_LENGTH = 30


class ArrivalsFeed(Feed):
    feed_type = Rss201rev2Feed
    title = "Arrivées dans l’annuaire des référents — Cœur de ville"
    description = (
        "Les directeurs de projet, référents de l’État et des partenaires qui viennent de "
        "prendre leurs fonctions dans le programme Action cœur de ville."
    )

    def link(self) -> str:
        return reverse("directory")

    def items(self) -> list[DirectoryEntry]:
        return list(
            DirectoryEntry.objects.current()
            .prefetch_related("towns")
            .order_by(F("mandate_start").desc(nulls_last=True), "-created_at", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, entry: DirectoryEntry) -> str:
        return f"{entry.full_name}, {entry.get_role_display()}"

    def item_description(self, entry: DirectoryEntry) -> str:
        towns = ", ".join(town.name for town in entry.towns.all())
        contact = visible_contact(entry, AnonymousUser())
        lines = [entry.organisation, entry.job_title, towns and f"Villes : {towns}"]
        lines += [contact.email, contact.phone]
        return " — ".join(line for line in lines if line)

    def item_link(self, entry: DirectoryEntry) -> str:
        return reverse("directory-entry", kwargs={"slug": entry.slug})

    def item_pubdate(self, entry: DirectoryEntry) -> Any:
        if entry.mandate_start:
            moment = datetime.datetime.combine(entry.mandate_start, datetime.time(9))
            return timezone.make_aware(moment)
        return entry.created_at
