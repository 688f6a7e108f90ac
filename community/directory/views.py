"""`/annuaire/`: the listing with its filters, one page per entry, its vCard, and the
form where a member proposes changes to their own entry."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from cms.core.listing_filters import filter_context
from coeurdeville import ratelimit
from community.accounts.roles import is_member

from .filters import filter_entries
from .forms import ProposalForm
from .models import DirectoryEntry, EntryChangeProposal
from .vcard import render_vcard
from .visibility import visible_contact

PER_PAGE = 24
HOME_CRUMB = {"title": "Accueil", "url": "/"}
DIRECTORY_CRUMB = {"title": "Annuaire des référents", "url": "/annuaire/"}


def entry_list(request: HttpRequest) -> HttpResponse:
    listing = filter_entries(DirectoryEntry.objects.current(), request.GET)
    paginator = Paginator(listing.queryset.for_listing(), PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "directory/entry_list.html",
        {
            "title": "Annuaire des référents",
            "meta_description": (
                "Les directeurs de projet, référents de l’État et des partenaires du programme "
                "Action cœur de ville : par ville, département, région, axe et organisme."
            ),
            "breadcrumbs": [HOME_CRUMB],
            "feeds": [
                {"title": "Arrivées dans l’annuaire (RSS)", "url": reverse("directory-feed")}
            ],
            **filter_context(listing),
            "page_obj": page_obj,
            "entries": page_obj.object_list,
        },
    )


def _entry(slug: str) -> DirectoryEntry:
    return get_object_or_404(DirectoryEntry.objects.for_listing(), slug=slug)


def entry_detail(request: HttpRequest, slug: str) -> HttpResponse:
    entry = _entry(slug)
    is_own = bool(entry.user_id and entry.user_id == request.user.pk)
    return TemplateResponse(
        request,
        "directory/entry_detail.html",
        {
            "title": entry.full_name,
            "meta_description": f"{entry.full_name}, {entry.get_role_display()} — {entry.organisation}.",
            "breadcrumbs": [HOME_CRUMB, DIRECTORY_CRUMB],
            "entry": entry,
            "contact": visible_contact(entry, request.user),
            "is_own": is_own,
            "signed_out": not request.user.is_authenticated,
        },
    )


def entry_vcard(request: HttpRequest, slug: str) -> HttpResponse:
    entry = _entry(slug)
    contact = visible_contact(entry, request.user)
    response = HttpResponse(
        render_vcard(entry, contact, request.build_absolute_uri(entry.get_absolute_url())),
        content_type="text/vcard; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{entry.slug}.vcf"'
    # What it holds depends on who asks.
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def propose_changes(request: HttpRequest, slug: str) -> HttpResponse:
    entry = _entry(slug)
    if entry.user_id != request.user.pk or not is_member(request.user):
        # Someone else's entry: as if there were no form to see.
        raise Http404
    form = ProposalForm(request.POST or None, entry=entry)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                limit, period = ratelimit.limit_for("directory.proposal", (5, 3600))
                ratelimit.hit(
                    "directory.proposal", f"user:{request.user.pk}", limit=limit, period=period
                )
            except ratelimit.RateLimited as exc:
                form.add_error(None, exc.message)
                return ratelimit.too_many_requests(
                    _proposal_page(request, entry, form, status=429), exc
                )
            changes = form.changes()
            if not changes:
                form.add_error(None, "Vous n’avez rien modifié : aucune proposition envoyée.")
                status = 400
            else:
                EntryChangeProposal.objects.filter(
                    entry=entry, status=EntryChangeProposal.Status.PENDING
                ).delete()
                EntryChangeProposal.objects.create(
                    entry=entry, proposed_by=request.user, changes=changes
                )
                messages.success(
                    request,
                    "Votre proposition est envoyée : l’équipe du programme l’examinera.",
                )
                return redirect(entry.get_absolute_url())
        else:
            status = 400
    return _proposal_page(request, entry, form, status=status)


def _proposal_page(
    request: HttpRequest, entry: DirectoryEntry, form: ProposalForm, status: int
) -> TemplateResponse:
    return TemplateResponse(
        request,
        "directory/propose.html",
        {
            "title": "Proposer des modifications",
            "breadcrumbs": [
                HOME_CRUMB,
                DIRECTORY_CRUMB,
                {"title": entry.full_name, "url": entry.get_absolute_url()},
            ],
            "entry": entry,
            "form": form,
            "pending": entry.proposals.filter(status=EntryChangeProposal.Status.PENDING).first(),
        },
        status=status,
    )
