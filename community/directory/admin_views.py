"""Staff views of the directory in the Wagtail admin: the review of proposals and the CSV
export. Both leave a line in Wagtail's audit log."""

import csv
import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods
from wagtail.log_actions import log

from community.accounts.roles import is_staff

from .models import DirectoryEntry, EntryChangeProposal
from .visibility import visible_contact

CSV_COLUMNS = [
    "Nom",
    "Prénom",
    "Rôle",
    "Organisme",
    "Fonction",
    "Villes",
    "Départements",
    "Régions",
    "Axes et thèmes",
    "Prise de fonctions",
    "Fin de fonctions",
    "Adresse électronique",
    "Téléphone",
    "Adresse postale",
    "Compte lié",
    "Fiche",
]


def _require_directory_staff(request: HttpRequest) -> None:
    if not (is_staff(request.user) and request.user.has_perm("directory.change_directoryentry")):
        raise PermissionDenied


def proposal_list(request: HttpRequest) -> HttpResponse:
    _require_directory_staff(request)
    proposals = EntryChangeProposal.objects.select_related("entry", "proposed_by")
    return TemplateResponse(
        request,
        "directory/admin/proposal_list.html",
        {
            "pending": proposals.filter(status=EntryChangeProposal.Status.PENDING),
            "reviewed": proposals.exclude(status=EntryChangeProposal.Status.PENDING)[:30],
        },
    )


@require_http_methods(["GET", "POST"])
def proposal_review(request: HttpRequest, pk: int) -> HttpResponse:
    _require_directory_staff(request)
    proposal = get_object_or_404(EntryChangeProposal.objects.select_related("entry"), pk=pk)
    if request.method == "POST" and proposal.status == EntryChangeProposal.Status.PENDING:
        decision = request.POST.get("decision")
        if decision in ("approve", "reject"):
            _decide(request, proposal, approve=decision == "approve")
            return redirect("directory_proposals")
        messages.error(request, "Choisissez d’accepter ou de refuser la proposition.")
    return TemplateResponse(request, "directory/admin/proposal_review.html", {"proposal": proposal})


def _decide(request: HttpRequest, proposal: EntryChangeProposal, *, approve: bool) -> None:
    entry = proposal.entry
    with transaction.atomic():
        if approve:
            changed = {k: v for k, v in proposal.changes.items() if k in proposal.FIELDS}
            for name, value in changed.items():
                setattr(entry, name, value)
            entry.full_clean()
            entry.save()
        proposal.status = (
            EntryChangeProposal.Status.APPROVED if approve else EntryChangeProposal.Status.REJECTED
        )
        proposal.reviewed_by = request.user
        proposal.reviewed_at = timezone.now()
        proposal.save()
        log(
            instance=entry,
            action="directory.proposal_approved" if approve else "directory.proposal_rejected",
            user=request.user,
            data={"fields": sorted(proposal.changes)},
        )
    messages.success(
        request,
        f"Proposition {'acceptée' if approve else 'refusée'} pour la fiche de {entry.full_name}.",
    )


def export_csv(request: HttpRequest) -> HttpResponse:
    _require_directory_staff(request)
    entries = DirectoryEntry.objects.for_listing().select_related("user").order_by("last_name")
    buffer = io.StringIO()
    # A BOM so spreadsheet programs read the accents right.
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(CSV_COLUMNS)
    count = 0
    for entry in entries:
        contact = visible_contact(entry, request.user)
        writer.writerow(
            _safe_cell(value)
            for value in (
                entry.last_name,
                entry.first_name,
                entry.get_role_display(),
                entry.organisation,
                entry.job_title,
                ", ".join(t.name for t in entry.towns.all()),
                ", ".join(d.code for d in entry.departments.all()),
                ", ".join(r.name for r in entry.regions.all()),
                ", ".join(t.short_title for t in entry.topics.all()),
                entry.mandate_start.isoformat() if entry.mandate_start else "",
                entry.mandate_end.isoformat() if entry.mandate_end else "",
                contact.email,
                contact.phone,
                contact.address,
                entry.user.email if entry.user else "",
                request.build_absolute_uri(entry.get_absolute_url()),
            )
        )
        count += 1
    log(
        instance=request.user,
        action="directory.export_csv",
        user=request.user,
        data={"rows": count},
    )
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="annuaire-{stamp}.csv"'
    response["Cache-Control"] = "no-store"
    return response


def _safe_cell(value: str) -> str:
    # A cell starting with = + - @ would run as a formula in a spreadsheet (CSV injection).
    if value and value[0] in "=+-@\t\r":
        return "'" + value
    return value
