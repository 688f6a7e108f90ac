"""The kinds of resource the programme publishes; stored as slugs, used in `?type=`."""

from django.db import models


class ResourceType(models.TextChoices):
    GUIDE = "guide", "Guide"
    ATLAS = "atlas", "Atlas"
    BAROMETER = "barometre", "Baromètre"
    KIT = "kit", "Kit"
    BOOKLET = "livret", "Livret"
    PRACTICAL_SHEET = "fiche-pratique", "Fiche pratique"
    STUDY = "etude", "Étude"
    REPORT = "rapport", "Rapport"
