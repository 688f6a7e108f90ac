"""The directory in the Wagtail admin: entries as snippets, proposals to review, the export."""

from typing import Any

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .models import DirectoryEntry, EntryChangeProposal


class DirectoryEntryViewSet(SnippetViewSet):
    model = DirectoryEntry
    icon = "group"
    menu_label = "Annuaire"
    menu_order = 250
    add_to_admin_menu = True
    list_per_page = 50
    list_display = [
        "full_name",
        Column("role", label="Rôle", accessor="get_role_display"),
        "organisation",
        DateColumn("mandate_start", label="Prise de fonctions"),
        DateColumn("mandate_end", label="Fin de fonctions"),
        Column("user", label="Compte lié"),
    ]
    list_filter = ["role"]
    search_backend_name = None
    search_fields = ["last_name", "first_name", "organisation", "email"]
    ordering = ["last_name", "first_name"]
    inspect_view_enabled = True


register_snippet(DirectoryEntryViewSet)


@hooks.register("register_admin_urls")
def directory_admin_urls() -> list[Any]:
    return [
        path(
            "annuaire/propositions/",
            admin_views.proposal_list,
            name="directory_proposals",
        ),
        path(
            "annuaire/propositions/<int:pk>/",
            admin_views.proposal_review,
            name="directory_proposal_review",
        ),
        path("annuaire/export.csv", admin_views.export_csv, name="directory_export_csv"),
    ]


class StaffMenuItem(MenuItem):
    def is_shown(self, request: Any) -> bool:
        return request.user.is_staff and request.user.has_perm("directory.change_directoryentry")


class ProposalsMenuItem(StaffMenuItem):
    def get_context(self, request: Any) -> dict[str, Any]:
        context = super().get_context(request)
        pending = EntryChangeProposal.objects.filter(
            status=EntryChangeProposal.Status.PENDING
        ).count()
        if pending:
            context["label"] = f"{self.label} ({pending})"
        return context


@hooks.register("register_admin_menu_item")
def proposals_menu_item() -> MenuItem:
    return ProposalsMenuItem(
        "Propositions de l’annuaire",
        reverse("directory_proposals"),
        icon_name="edit",
        order=251,
    )


@hooks.register("register_admin_menu_item")
def export_menu_item() -> MenuItem:
    return StaffMenuItem(
        "Exporter l’annuaire (CSV)",
        reverse("directory_export_csv"),
        icon_name="download",
        order=252,
    )


@hooks.register("register_log_actions")
def directory_log_actions(actions: Any) -> None:
    @actions.register_action("directory.export_csv")
    class ExportFormatter(LogFormatter):
        label = "Export CSV de l’annuaire"

        def format_message(self, log_entry: Any) -> str:
            return f"Annuaire exporté en CSV ({log_entry.data.get('rows', 0)} fiches)"

    actions.register_action(
        "directory.proposal_approved",
        "Proposition acceptée",
        "Proposition de modification acceptée",
    )
    actions.register_action(
        "directory.proposal_rejected", "Proposition refusée", "Proposition de modification refusée"
    )
