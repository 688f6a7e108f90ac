"""The newsletter's public pages: sign-up, confirmation, unsubscribe, preferences, archive."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from coeurdeville import ratelimit

from . import subscriptions
from .consent import current_wording
from .feeds import ArchiveFeed
from .forms import PreferencesForm, SubscribeForm
from .items import resolve_sections
from .models import Issue, Subscriber
from .tokens import InvalidLink, read_subscriber_token

HOME = {"title": "Accueil", "url": "/"}
NEWSLETTER = {"title": "Lettre d’information", "url": "/lettre-d-information/"}


def _page(request: HttpRequest, template: str, title: str, status: int = 200, **context):
    crumbs = [HOME] if template.endswith("subscribe.html") else [HOME, NEWSLETTER]
    context.update(title=title, breadcrumbs=crumbs, feeds=[ArchiveFeed.advertised()])
    return TemplateResponse(request, f"newsletter/{template}", context, status=status)


def _rate_limit(request: HttpRequest, email: str) -> None:
    ip = ratelimit.client_ip(request)
    ratelimit.hit("newsletter.subscribe", f"ip:{ip}", **_limits("newsletter.subscribe", (20, 3600)))
    ratelimit.hit(
        "newsletter.subscribe.address",
        f"email:{email.lower()}",
        **_limits("newsletter.subscribe.address", (3, 3600)),
    )


def _limits(scope: str, default: tuple[int, int]) -> dict[str, int]:
    limit, period = ratelimit.limit_for(scope, default)
    return {"limit": limit, "period": period}


# The footer form of every page posts here without a CSRF token, so that pages need no
# CSRF cookie and stay cacheable. A forged submission can only do what anyone can do by
# typing an address: mail a confirmation link, which subscribes nobody until clicked.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def subscribe(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = SubscribeForm(request.POST, with_topics=True)
        if form.is_valid():
            email = form.cleaned_data["email"]
            try:
                _rate_limit(request, email)
            except ratelimit.RateLimited as exc:
                form.add_error(None, exc.message)
                response = _subscribe_page(request, form)
                return ratelimit.too_many_requests(response, exc)
            topics = form.cleaned_data.get("topics")
            subscriptions.request_subscription(
                email,
                source=form.cleaned_data["source"] or request.path,
                topic_ids=[t.pk for t in topics] if topics else None,
            )
            return redirect("newsletter:thanks")
        return _subscribe_page(request, form, status=400)
    return _subscribe_page(request, SubscribeForm(with_topics=True))


def _subscribe_page(request: HttpRequest, form: SubscribeForm, status: int = 200):
    latest = Issue.objects.sent().first()
    return _page(
        request,
        "subscribe.html",
        "Lettre d’information",
        status,
        form=form,
        consent_wording=current_wording(),
        latest=latest,
    )


def thanks(request: HttpRequest) -> HttpResponse:
    return _page(request, "thanks.html", "Vérifiez votre messagerie")


@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    try:
        record = subscriptions.pending_request(token)
    except InvalidLink as exc:
        return _page(request, "link_error.html", "Lien non valide", 400, message=exc.message)
    if request.method == "POST":
        result = subscriptions.confirm(token, source=request.path)
        return _page(
            request,
            "confirmed.html",
            "Abonnement confirmé"
            if result is subscriptions.Confirmation.CONFIRMED
            else "Lien déjà utilisé",
            already=result is subscriptions.Confirmation.ALREADY,
        )
    already = hasattr(record, "confirmation")
    return _page(
        request, "confirm.html", "Confirmer votre abonnement", email=record.email, already=already
    )


def _subscriber(token: str, purpose: str) -> Subscriber:
    return get_object_or_404(Subscriber, pk=read_subscriber_token(token, purpose=purpose))


# RFC 8058: mail clients POST "List-Unsubscribe=One-Click" with neither cookie nor token.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        subscriber = _subscriber(token, "unsubscribe")
    except InvalidLink as exc:
        return _page(request, "link_error.html", "Lien non valide", 400, message=exc.message)
    if request.method == "POST":
        issue_id = request.GET.get("numero", "")
        done = subscriptions.unsubscribe(
            subscriber.pk,
            source=request.path,
            issue_id=int(issue_id)
            if issue_id.isascii() and issue_id.isdigit() and len(issue_id) < 18
            else None,
        )
        return _page(request, "unsubscribed.html", "Désabonnement", already=not done)
    active = subscriber.status in {Subscriber.Status.ACTIVE, Subscriber.Status.PENDING}
    return _page(
        request, "unsubscribe.html", "Se désabonner", email=subscriber.email, active=active
    )


@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest, token: str) -> HttpResponse:
    try:
        subscriber = _subscriber(token, "preferences")
    except InvalidLink as exc:
        return _page(request, "link_error.html", "Lien non valide", 400, message=exc.message)
    if subscriber.status != Subscriber.Status.ACTIVE:
        return _page(
            request,
            "link_error.html",
            "Abonnement inactif",
            400,
            message="Cette adresse n’est plus abonnée. Réabonnez-vous pour choisir vos thèmes.",
        )
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            subscriber.topics.set(form.cleaned_data["topics"])
            messages.success(request, "Vos préférences sont enregistrées.")
            return redirect(request.path)
        status = 400
    else:
        form = PreferencesForm(initial={"topics": list(subscriber.topics.all())})
        status = 200
    return _page(
        request, "preferences.html", "Vos préférences", status, form=form, email=subscriber.email
    )


def archive(request: HttpRequest) -> HttpResponse:
    issues = Issue.objects.sent().only("title", "slug", "sent_at", "introduction")
    return _page(request, "archive.html", "Numéros précédents", issues=issues)


def archive_issue(request: HttpRequest, slug: str) -> HttpResponse:
    issue = get_object_or_404(Issue.objects.sent(), slug=slug)
    return _page(
        request,
        "archive_issue.html",
        issue.title,
        issue=issue,
        sections=resolve_sections(issue),
        archive_url=reverse("newsletter:archive"),
    )


def archive_feed(request: HttpRequest) -> HttpResponse:
    if request.method not in {"GET", "HEAD"}:
        raise Http404
    return ArchiveFeed()(request)
