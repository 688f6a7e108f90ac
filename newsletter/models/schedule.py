"""The monthly sending rhythm, kept in the database so editors can change it."""

import datetime
import zoneinfo

from django.conf import settings
from django.db import models
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="date")
class NewsletterSchedule(BaseGenericSetting):
    day_of_month = models.PositiveSmallIntegerField(
        "jour d’envoi dans le mois", default=5, help_text="De 1 à 28."
    )
    hour = models.PositiveSmallIntegerField("heure d’envoi (heure de Paris)", default=9)

    class Meta:
        verbose_name = "calendrier de la lettre d’information"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if not 1 <= self.day_of_month <= 28:
            raise ValidationError({"day_of_month": "Choisissez un jour entre 1 et 28."})
        if not 0 <= self.hour <= 23:
            raise ValidationError({"hour": "Choisissez une heure entre 0 et 23."})

    def next_slot(self, after: datetime.datetime) -> datetime.datetime:
        """The first monthly sending time strictly after `after`."""
        tz = zoneinfo.ZoneInfo(settings.TIME_ZONE)
        local = after.astimezone(tz)
        year, month = local.year, local.month
        for _ in range(2):
            slot = datetime.datetime(year, month, self.day_of_month, self.hour, tzinfo=tz)
            if slot > local:
                return slot
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return slot
