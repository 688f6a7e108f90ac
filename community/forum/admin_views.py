"""The moderation queue in the Wagtail admin: reported posts, their reasons, and the
moderator's decisions (hide, restore, suspend the author), each in the audit log."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse

from community import visibility

from . import moderation
from .models import Post, Report


class SuspensionForm(forms.Form):
    days = forms.IntegerField(label="Durée (jours)", min_value=1, max_value=3650, initial=7)
    reason = forms.CharField(
        label="Motif", max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )


def _require_moderator(request: HttpRequest) -> None:
    if not visibility.is_moderator(request.user):
        raise PermissionDenied


def queue(request: HttpRequest) -> HttpResponse:
    _require_moderator(request)
    posts = (
        Post.objects.filter(
            pk__in=Report.objects.filter(resolved_at__isnull=True).values("post_id")
        )
        .annotate(open_reports=Count("reports", filter=Q(reports__resolved_at__isnull=True)))
        .select_related("topic__category", "author")
        .prefetch_related(
            Prefetch(
                "reports",
                queryset=Report.objects.filter(resolved_at__isnull=True).select_related("reporter"),
                to_attr="open_report_list",
            )
        )
        .order_by("-open_reports", "-created_at")[:100]
    )
    return TemplateResponse(
        request,
        "forum/admin/queue.html",
        {"posts": posts, "suspension_form": SuspensionForm()},
    )


def decide(request: HttpRequest, pk: int) -> HttpResponse:
    _require_moderator(request)
    if request.method != "POST":
        return redirect("forum_moderation_queue")
    post = get_object_or_404(Post.objects.select_related("author"), pk=pk)
    action = request.POST.get("action")
    if action == "hide":
        moderation.hide_post(post, by=request.user)
        messages.success(request, "Message masqué.")
    elif action == "restore":
        moderation.restore_post(post, by=request.user)
        messages.success(request, "Signalements classés, message visible.")
    elif action == "suspend" and post.author:
        form = SuspensionForm(request.POST)
        if form.is_valid():
            moderation.suspend(
                post.author,
                days=form.cleaned_data["days"],
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
            messages.success(request, "Le membre est suspendu.")
        else:
            messages.error(request, "Indiquez une durée (1 à 3650 jours) et un motif.")
    else:
        messages.error(request, "Action inconnue.")
    return redirect("forum_moderation_queue")
