"""A member's notifications, and the one-click unsubscribe links of the e-mails."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from cms.core.breadcrumbs import Crumb
from coeurdeville import ratelimit
from community.accounts import email_preferences

from . import announcements
from .emails import read_unsubscribe_token
from .forms import AnnouncementForm
from .models import Kind, Notification


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
            "notifications": page.object_list,
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


# Mail clients send RFC 8058 one-click unsubscribes as a POST without a CSRF token: the
# signed token in the address is the authentication. A GET only shows the confirmation.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    data = read_unsubscribe_token(token)
    user = None
    if data:
        user = get_user_model().objects.filter(pk=data[0], is_active=True).first()
    if user is None:
        return TemplateResponse(
            request,
            "notifications/unsubscribe.html",
            {"title": "Lien de désabonnement invalide", "invalid": True},
            status=404,
        )
    kind = Kind(data[1])
    done = request.method == "POST"
    if done:
        email_preferences.unsubscribe(user, kind)
    return TemplateResponse(
        request,
        "notifications/unsubscribe.html",
        {"title": "Désabonnement", "kind_label": kind.label, "done": done},
    )


@login_required
@require_http_methods(["GET", "POST"])
def new_announcement(request: HttpRequest) -> HttpResponse:
    if not announcements.can_announce(request.user):
        raise Http404
    form = AnnouncementForm(request.POST or None)
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
        )
        messages.success(request, "L’annonce est envoyée.")
        return redirect("notifications")
    return TemplateResponse(request, "notifications/announcement_form.html", context)
