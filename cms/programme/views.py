"""The axes and transversal themes, each with the content tagged with it."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from cms.core.breadcrumbs import Crumb

from .models import Topic


def topic_list(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(request, "programme/topic_list.html", {
        "title": "Axes et thèmes", "topics": Topic.objects.all(),
        "breadcrumbs": [Crumb("Accueil", "/")],
    })


def topic_detail(request: HttpRequest, slug: str) -> HttpResponse:
    topic = get_object_or_404(Topic, slug=slug)
    return TemplateResponse(request, "programme/topic_detail.html", {
        "title": topic.short_title, "topic": topic,
        "breadcrumbs": [Crumb("Accueil", "/"), Crumb("Axes et thèmes", "/axes/")],
    })
