"""Staff views around an issue: preview, test send, send/pause/resume, schedule, statistics;
and subscribers' CSV import/export. Registered under /admin/ (Wagtail checks admin access)."""

import dataclasses
import re

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.validators import validate_email
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from . import sending
from .csv_io import export_rows, import_subscribers
from .links import preferences_url, unsubscribe_url
from .mime import MessageTemplate
from .models import Delivery, Issue, NewsletterSchedule
from .rendering import MAX_HTML_BYTES, render_issue
from .stats import chart_bars, issue_stats, past_issues_stats
from .transport import Refused, Retry, Uncertain, transport

MAX_TEST_ADDRESSES = 10


def _require(request: HttpRequest, permission: str) -> None:
    if not request.user.has_perm(permission):
        raise PermissionDenied


def _issue_url(issue: Issue) -> str:
    return reverse("newsletter_admin:issue", args=[issue.pk])


def issue_dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, "newsletter.view_issue")
    issue = get_object_or_404(Issue, pk=pk)
    rendered = render_issue(issue)
    uncertain = (
        Delivery.objects.filter(issue=issue, status=Delivery.Status.UNCERTAIN)
        .select_related("subscriber")
        .order_by("pk")[:500]
    )
    failed = (
        Delivery.objects.filter(issue=issue, status=Delivery.Status.FAILED)
        .select_related("subscriber")
        .order_by("pk")[:500]
    )
    return TemplateResponse(
        request,
        "newsletter/admin/issue.html",
        {
            "issue": issue,
            "stats": issue_stats(issue),
            "html_size": len(rendered.html.encode()),
            "max_size": MAX_HTML_BYTES,
            "uncertain": uncertain,
            "failed": failed,
            "can_send": request.user.has_perm("newsletter.change_issue"),
            "next_slot": NewsletterSchedule.load().next_slot(timezone.now()),
        },
    )


@xframe_options_sameorigin
def issue_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The mail's HTML exactly as sent (with sample links), shown in a sandboxed frame."""
    _require(request, "newsletter.view_issue")
    issue = get_object_or_404(Issue, pk=pk)
    response = HttpResponse(render_issue(issue).html)
    response["Content-Security-Policy"] = (
        "default-src 'none'; img-src * data:; style-src 'unsafe-inline'; sandbox"
    )
    return response


def _addresses(raw: str) -> list[str]:
    addresses = [a for a in re.split(r"[\s,;]+", raw.strip()) if a]
    if not addresses or len(addresses) > MAX_TEST_ADDRESSES:
        raise ValueError(f"Indiquez de 1 à {MAX_TEST_ADDRESSES} adresses.")
    for address in addresses:
        if len(address) > 254 or not address.isascii():
            raise ValueError("Adresse non valide.")
        try:
            validate_email(address)
        except Exception as exc:
            raise ValueError(f"Adresse non valide : {address[:80]}") from exc
    return addresses


@require_POST
def issue_test_send(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, "newsletter.change_issue")
    issue = get_object_or_404(Issue, pk=pk)
    try:
        addresses = _addresses(request.POST.get("addresses", ""))
    except ValueError as exc:
        messages.error(request, str(exc))
        return redirect(_issue_url(issue))
    rendered = render_issue(issue)
    rendered = dataclasses.replace(rendered, subject=f"[TEST] {rendered.subject}")
    template = MessageTemplate.for_issue(rendered, list_id="test")
    channel = transport()
    channel.ensure_open()
    try:
        for address in addresses:
            # Sample links: the test recipients are not subscribers.
            channel.send(
                template.envelope_from,
                address,
                template.build(
                    issue_id=issue.pk,
                    subscriber_id=0,
                    to=address,
                    unsubscribe_url=unsubscribe_url(0),
                    preferences_url=preferences_url(0),
                ),
            )
    except (Refused, Retry, Uncertain) as exc:
        messages.error(request, f"L’envoi de test a échoué : {exc}")
    else:
        messages.success(request, f"Envoi de test fait à {', '.join(addresses)}.")
    finally:
        channel.release()
    return redirect(_issue_url(issue))


@require_POST
def issue_send(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, "newsletter.change_issue")
    issue = get_object_or_404(Issue, pk=pk)
    if sending.start_send(issue.pk):
        messages.success(request, "L’envoi a commencé.")
    else:
        messages.warning(
            request, "Ce numéro est déjà en cours d’envoi ou envoyé : rien n’a été relancé."
        )
    return redirect(_issue_url(issue))


@require_POST
def issue_pause(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, "newsletter.change_issue")
    if sending.pause(pk):
        messages.success(request, "Envoi mis en pause après le lot en cours.")
    return redirect(reverse("newsletter_admin:issue", args=[pk]))


@require_POST
def issue_resume(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, "newsletter.change_issue")
    if sending.resume(pk):
        messages.success(request, "Envoi repris.")
    return redirect(reverse("newsletter_admin:issue", args=[pk]))


@require_POST
def issue_schedule(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, "newsletter.change_issue")
    issue = get_object_or_404(Issue, pk=pk)
    if request.POST.get("action") == "cancel":
        Issue.objects.filter(pk=pk, status=Issue.Status.SCHEDULED).update(status=Issue.Status.DRAFT)
        messages.success(request, "Programmation annulée.")
        return redirect(_issue_url(issue))
    when = issue.scheduled_at or NewsletterSchedule.load().next_slot(timezone.now())
    updated = Issue.objects.filter(pk=pk, status=Issue.Status.DRAFT).update(
        status=Issue.Status.SCHEDULED, scheduled_at=when
    )
    if updated:
        local = timezone.localtime(when)
        messages.success(request, f"Envoi programmé le {local:%d/%m/%Y à %H:%M}.")
    else:
        messages.warning(request, "Seul un brouillon peut être programmé.")
    return redirect(_issue_url(issue))


def stats_overview(request: HttpRequest) -> HttpResponse:
    _require(request, "newsletter.view_issue")
    stats = past_issues_stats()
    return TemplateResponse(
        request,
        "newsletter/admin/stats.html",
        {"stats": stats, "bars": chart_bars(stats), "chart_width": max(len(stats), 1) * 64 + 16},
    )


def subscribers_export(request: HttpRequest) -> HttpResponse:
    _require(request, "newsletter.view_subscriber")
    response = StreamingHttpResponse(export_rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="abonnes.csv"'
    return response


MAX_UPLOAD = 20 * 1024 * 1024


def subscribers_import(request: HttpRequest) -> HttpResponse:
    _require(request, "newsletter.add_subscriber")
    report = error = None
    if request.method == "POST":
        upload = request.FILES.get("fichier")
        if upload is None:
            error = "Choisissez un fichier CSV."
        elif upload.size > MAX_UPLOAD:
            error = "Fichier trop volumineux (20 Mo au plus)."
        else:
            try:
                report = import_subscribers(upload.read(), imported_by=request.user.get_username())
            except ValueError as exc:
                error = str(exc)
    return TemplateResponse(
        request,
        "newsletter/admin/import.html",
        {"report": report, "error": error},
        status=400 if error else 200,
    )
