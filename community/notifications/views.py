"""A member's notifications, and the announcements staff send."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from cms.core.breadcrumbs import Crumb
from coeurdeville import ratelimit

from . import announcements, readable
from .forms import AnnouncementForm
from .models import Notification


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    notifications = Notification.objects.filter(user=request.user).order_by("-created_at", "-pk")
    page = Paginator(notifications, 30).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "notifications/list.html",
        {
            "title": "Mes notifications",
            "page_obj": page,
            "notifications": readable.mark_withheld(request.user, list(page.object_list)),
            "can_announce": announcements.can_announce(request.user),
            "withheld_title": readable.WITHHELD_TITLE,
            "unread": notifications.filter(read_at__isnull=True).count(),
            "breadcrumbs": [Crumb("Accueil", "/")],
        },
    )


@require_POST
@login_required
def mark_all_read(request: HttpRequest) -> HttpResponse:
    Notification.objects.filter(user=request.user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    messages.success(request, "Toutes vos notifications sont marquées comme lues.")
    return redirect("notifications")


@login_required
@require_http_methods(["GET", "POST"])
def new_announcement(request: HttpRequest) -> HttpResponse:
    if not announcements.can_announce(request.user):
        raise Http404
    form = AnnouncementForm(request.user, request.POST or None)
    context = {"title": "Envoyer une annonce", "form": form, "breadcrumbs": [Crumb("Accueil", "/")]}
    if request.method == "POST" and form.is_valid():
        limit, period = ratelimit.limit_for("community.announcement", (5, 3600))
        try:
            ratelimit.hit(
                "community.announcement", f"user:{request.user.pk}", limit=limit, period=period
            )
        except ratelimit.RateLimited as exc:
            context["rate_limited"] = exc.message
            return ratelimit.too_many_requests(
                TemplateResponse(request, "notifications/announcement_form.html", context), exc
            )
        data = form.cleaned_data
        announcements.send(
            author=request.user,
            audience_kind=data["audience"],
            title=data["title"],
            body=data["body"],
            group=data.get("group"),
            region=data.get("region"),
        )
        messages.success(request, "L’annonce est envoyée.")
        return redirect("notifications")
    return TemplateResponse(request, "notifications/announcement_form.html", context)
