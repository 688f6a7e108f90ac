"""Working-group pages, membership actions, calls for contributions and their answers."""

import csv

from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from cms.core.breadcrumbs import Crumb
from community import visibility

from . import membership as membership_actions
from .models import CallForContributions, Membership, WorkingGroup

GROUPS = Crumb("Groupes de travail", "/groupes-de-travail/")


def _home() -> Crumb:
    return Crumb("Accueil", "/")


@require_safe
def group_list(request: HttpRequest) -> HttpResponse:
    groups = (
        WorkingGroup.objects.select_related("topic")
        .annotate(
            member_total=Count(
                "memberships", filter=Q(memberships__status=Membership.Status.ACTIVE)
            )
        )
        .order_by("topic__kind", "topic__number", "title")
    )
    return TemplateResponse(
        request,
        "groups/group_list.html",
        {
            "title": "Groupes de travail",
            "meta_description": (
                "Les groupes de travail du programme Action cœur de ville : un par axe et par "
                "thème transversal, ouverts aux acteurs extérieurs."
            ),
            "groups": groups,
            "my_groups": visibility.group_ids_of(request.user),
            "breadcrumbs": [_home()],
        },
    )


@require_safe
def group_detail(request: HttpRequest, slug: str) -> HttpResponse:
    group = get_object_or_404(WorkingGroup.objects.select_related("topic"), slug=slug)
    user = request.user
    category = getattr(group, "category", None)
    topics = []
    if category and visibility.can_read_category(user, category):
        topics = list(
            visibility.readable_topics(user)
            .filter(category=category)
            .select_related("author")
            .order_by("-last_post_at")[:5]
        )
    my_membership = (
        Membership.objects.filter(group=group, user=user).first()
        if visibility.is_member(user)
        else None
    )
    is_coordinator = visibility.is_coordinator(user, group)
    pending = (
        list(
            Membership.objects.filter(group=group, status=Membership.Status.PENDING).select_related(
                "user"
            )
        )
        if is_coordinator
        else []
    )
    return TemplateResponse(
        request,
        "groups/group_detail.html",
        {
            "title": group.title,
            "meta_description": group.summary or group.title,
            "group": group,
            "coordinators": list(group.coordinators.all()),
            "documents": list(group.documents.select_related("document")),
            "calls": list(group.calls.filter(status=CallForContributions.Status.OPEN)),
            "past_calls": list(group.calls.exclude(status=CallForContributions.Status.OPEN)),
            "category": category,
            "can_read_forum": bool(category) and visibility.can_read_category(user, category),
            "topics": topics,
            "membership": my_membership,
            "is_coordinator": is_coordinator,
            "pending": pending,
            "member_total": group.memberships.filter(status=Membership.Status.ACTIVE).count(),
            "breadcrumbs": [_home(), GROUPS],
        },
    )


@require_POST
def join_group(request: HttpRequest, slug: str) -> HttpResponse:
    group = get_object_or_404(WorkingGroup, slug=slug)
    if not visibility.is_member(request.user):
        messages.error(request, "Connectez-vous pour rejoindre un groupe de travail.")
        return redirect(group.get_absolute_url())
    membership = membership_actions.join(group, request.user)
    if membership.status == Membership.Status.ACTIVE:
        messages.success(request, f"Vous êtes membre du groupe « {group.title} ».")
    else:
        messages.success(request, "Votre demande est transmise aux coordinateurs du groupe.")
    return redirect(group.get_absolute_url())


@require_POST
def leave_group(request: HttpRequest, slug: str) -> HttpResponse:
    group = get_object_or_404(WorkingGroup, slug=slug)
    if visibility.is_member(request.user):
        membership_actions.leave(group, request.user)
        messages.success(request, f"Vous avez quitté le groupe « {group.title} ».")
    return redirect(group.get_absolute_url())


@require_POST
def decide_request(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    group = get_object_or_404(WorkingGroup, slug=slug)
    if not visibility.is_coordinator(request.user, group):
        raise Http404
    membership = get_object_or_404(Membership, pk=pk, group=group, status=Membership.Status.PENDING)
    accept = request.POST.get("decision") == "accept"
    membership_actions.decide(membership, accept=accept, by=request.user)
    messages.success(request, "Demande acceptée." if accept else "Demande refusée.")
    return redirect(group.get_absolute_url())


@require_POST
def follow_group(request: HttpRequest, slug: str) -> HttpResponse:
    from community.notifications.models import Follow

    group = get_object_or_404(WorkingGroup, slug=slug)
    if not visibility.is_member(request.user):
        messages.error(request, "Connectez-vous pour suivre un groupe de travail.")
    elif request.POST.get("follow") == "0":
        Follow.objects.filter(user=request.user, group=group).delete()
        messages.success(request, "Vous ne suivez plus ce groupe.")
    else:
        Follow.objects.get_or_create(user=request.user, group=group)
        messages.success(
            request, "Vous suivez ce groupe : ses nouveaux messages vous seront notifiés."
        )
    return redirect(group.get_absolute_url())


def _call(slug: str, pk: int) -> CallForContributions:
    return get_object_or_404(
        CallForContributions.objects.select_related("group", "questionnaire", "forum_topic"),
        pk=pk,
        group__slug=slug,
    )


@require_safe
def call_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    call = _call(slug, pk)
    topic = call.forum_topic
    if topic and not visibility.can_read_topic(request.user, topic):
        topic = None
    return TemplateResponse(
        request,
        "groups/call_detail.html",
        {
            "title": call.title,
            "call": call,
            "group": call.group,
            "topic": topic,
            "is_coordinator": visibility.is_coordinator(request.user, call.group),
            "today": timezone.localdate(),
            "breadcrumbs": [
                _home(),
                GROUPS,
                Crumb(call.group.title, call.group.get_absolute_url()),
            ],
        },
    )


def _answers(request: HttpRequest, slug: str, pk: int) -> tuple[CallForContributions, list, list]:
    call = _call(slug, pk)
    if not visibility.is_coordinator(request.user, call.group) or call.questionnaire is None:
        raise Http404
    form_page = call.questionnaire.specific
    fields = [(field.clean_name, field.label) for field in form_page.get_form_fields()]
    submissions = list(
        form_page.get_submission_class().objects.filter(page=form_page).order_by("submit_time")
    )
    return call, fields, submissions


@require_safe
def call_answers(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    call, fields, submissions = _answers(request, slug, pk)
    rows = [
        (
            submission.submit_time,
            [_text(submission.get_data().get(name, "")) for name, _label in fields],
        )
        for submission in submissions
    ]
    return TemplateResponse(
        request,
        "groups/call_answers.html",
        {
            "title": f"Réponses : {call.title}",
            "call": call,
            "fields": fields,
            "rows": rows,
            "csv_url": reverse("call-answers-csv", kwargs={"slug": slug, "pk": pk}),
            "breadcrumbs": [
                _home(),
                GROUPS,
                Crumb(call.group.title, call.group.get_absolute_url()),
            ],
        },
    )


def _text(value: object) -> str:
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


def _csv_cell(value: object) -> str:
    """Spreadsheets run cells starting with = + - @: prefix them so they stay text."""
    text = _text(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@require_safe
def call_answers_csv(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    call, fields, submissions = _answers(request, slug, pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="reponses-appel-{call.pk}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow(["Date", *[label for _name, label in fields]])
    for submission in submissions:
        data = submission.get_data()
        writer.writerow(
            [
                timezone.localtime(submission.submit_time).strftime("%d/%m/%Y %H:%M"),
                *[_csv_cell(data.get(name, "")) for name, _label in fields],
            ]
        )
    return response
