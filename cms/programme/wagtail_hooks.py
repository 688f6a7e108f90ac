"""The programme's reference data in the admin, under one « Programme » menu: axes and
themes, towns, phases, partners and the glossary."""

from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.territories.viewsets import TownViewSet

from .models import GlossaryTerm, Partner, Phase, Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Axes et thèmes"
    list_display = [
        "short_title",
        Column("kind", label="Type", accessor="get_kind_display"),
        Column("number", label="Numéro"),
        "title",
    ]
    list_filter = ["kind"]
    # A handful of rows: plain database search, whatever the state of the search index.
    search_backend_name = None
    search_fields = ["title", "short_title", "summary"]
    ordering = ["kind", "number"]


class PhaseViewSet(SnippetViewSet):
    model = Phase
    icon = "time"
    list_display = [Column("order", label="Ordre"), "name"]
    ordering = ["order"]


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    list_display = ["name", Column("acronym", label="Sigle"), Column("website", label="Site")]
    search_backend_name = None
    search_fields = ["name", "acronym", "commitment"]


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "help"
    menu_label = "Glossaire"
    list_display = ["acronym", "expansion"]
    search_backend_name = None
    search_fields = ["acronym", "expansion", "note"]
    list_per_page = 50


class ProgrammeViewSetGroup(SnippetViewSetGroup):
    menu_label = "Programme"
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = (TopicViewSet, TownViewSet, PhaseViewSet, PartnerViewSet, GlossaryTermViewSet)


register_snippet(ProgrammeViewSetGroup)
