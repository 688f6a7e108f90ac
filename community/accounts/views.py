"""« Mon compte » (`/comptes/`) and its pages: profile, e-mail preferences, export, deletion."""

import json

from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from . import account_sections, personal_data
from . import email_preferences as prefs
from .forms import DeleteAccountForm, ProfileForm
from .roles import role_labels
from .unsubscribe import read_token

HOME_CRUMB = {"title": "Accueil", "url": "/"}
ACCOUNT_CRUMB = {"title": "Mon compte", "url": "/comptes/"}


def _render(
    request: HttpRequest, template: str, title: str, status: int = 200, **context: object
) -> HttpResponse:
    crumbs = [HOME_CRUMB] if template == "accounts/home.html" else [HOME_CRUMB, ACCOUNT_CRUMB]
    return TemplateResponse(
        request, template, {"title": title, "breadcrumbs": crumbs, **context}, status=status
    )


@login_required
def account_home(request: HttpRequest) -> HttpResponse:
    return _render(
        request,
        "accounts/home.html",
        "Mon compte",
        roles=role_labels(request.user),
        sections=account_sections.sections_for(request),
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, "Votre profil est enregistré.")
            return redirect("account_home")
        return _render(
            request, "accounts/profile.html", "Modifier mon profil", status=400, form=form
        )
    return _render(request, "accounts/profile.html", "Modifier mon profil", form=form)


@login_required
@require_http_methods(["GET", "POST"])
def email_preferences(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        known = {kind.kind for kind in prefs.kinds()}
        chosen = [kind for kind in request.POST.getlist("kinds") if kind in known]
        prefs.set_preferences(request.user, chosen)
        messages.success(request, "Vos préférences de courriel sont enregistrées.")
        return redirect("account_email_preferences")
    current = prefs.preferences(request.user)
    choices = [(kind, current[kind.kind]) for kind in prefs.kinds()]
    return _render(request, "accounts/email_preferences.html", "Mes courriels", choices=choices)


@login_required
@require_http_methods(["GET"])
def export_data(request: HttpRequest) -> HttpResponse:
    data = personal_data.export(request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = (
        f'attachment; filename="mes-donnees-coeurdeville-{stamp}.json"'
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            user = request.user
            logout(request)
            personal_data.delete_account(user)
            messages.success(request, "Votre compte et vos données personnelles sont supprimés.")
            return redirect("/")
        return _render(
            request, "accounts/delete.html", "Supprimer mon compte", status=400, form=form
        )
    return _render(request, "accounts/delete.html", "Supprimer mon compte", form=form)


# Mail clients post the one-click unsubscribe (RFC 8058) without any cookie: the signed
# token is the only authority, and it can only turn one kind of e-mail off.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    parsed = read_token(token)
    user = get_user_model().objects.filter(pk=parsed[0]).first() if parsed else None
    kind = next((k for k in prefs.kinds() if parsed and k.kind == parsed[1]), None)
    if user is None or kind is None:
        return _render(
            request, "accounts/unsubscribe.html", "Lien de désabonnement invalide", status=404
        )
    done = request.method == "POST"
    if done:
        prefs.unsubscribe(user, kind.kind)
    return _render(
        request, "accounts/unsubscribe.html", "Se désabonner", kind=kind, done=done, token=token
    )


def too_many_requests(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """allauth's refusals (ROOT_URLCONF.handler429): a French page and a `Retry-After`."""
    response = TemplateResponse(
        request, "429.html", {"title": "Trop de tentatives", "breadcrumbs": [HOME_CRUMB]}
    )
    response.status_code = 429
    # allauth's windows are a minute at most for the flows a person retries by hand.
    response["Retry-After"] = "60"
    return response
