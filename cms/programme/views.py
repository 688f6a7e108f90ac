"""The axes and transversal themes, each with the content tagged with it."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse

from cms.core.breadcrumbs import Crumb
from cms.core.fragments import lazy, scope_version
from cms.core.related import sections_for

from .models import Topic, topic_scope


def topic_list(request: HttpRequest) -> HttpResponse:
    topics = list(Topic.objects.all())
    return TemplateResponse(
        request,
        "programme/topic_list.html",
        {
            "title": "Axes et thèmes",
            "meta_description": (
                "Les cinq axes du programme Action cœur de ville et ses trois thèmes transversaux, "
                "avec les guides, ressources, retours d’expérience et actualités de chacun."
            ),
            "axes": [topic for topic in topics if topic.kind == Topic.Kind.AXIS],
            "themes": [topic for topic in topics if topic.kind == Topic.Kind.THEME],
            "breadcrumbs": [Crumb("Accueil", "/")],
        },
    )


def topic_detail(request: HttpRequest, slug: str) -> HttpResponse:
    topic = get_object_or_404(Topic, slug=slug)
    return TemplateResponse(
        request,
        "programme/topic_detail.html",
        {
            "title": topic.short_title,
            "topic": topic,
            "sections": lazy(lambda: sections_for("topic", topic)),
            # Its forum topics renew the axis's scope, not every page's content version.
            "content_cache_key": f"topic:{topic.pk}:{scope_version(topic_scope(topic.pk))}",
            "meta_description": topic.summary or topic.title,
            "breadcrumbs": [Crumb("Accueil", "/"), Crumb("Axes et thèmes", reverse("topic-list"))],
        },
    )
