"""The newsletter in the Wagtail admin: issues (pre-filled on creation), subscribers, consent
records, statistics, CSV import/export."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import ListingButton
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    CreateView,
    EditView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from . import admin_views
from .models import ConsentRecord, Issue, Subscriber
from .permissions import RestrictedPolicy
from .prefill import prefill

register_permission_policy(
    ConsentRecord, RestrictedPolicy(ConsentRecord, {"add", "change", "delete"})
)
register_permission_policy(Subscriber, RestrictedPolicy(Subscriber, {"add", "delete"}))

admin_urls = (
    [
        path("numero/<int:pk>/", admin_views.issue_dashboard, name="issue"),
        path("numero/<int:pk>/apercu/", admin_views.issue_preview, name="preview"),
        path("numero/<int:pk>/test/", admin_views.issue_test_send, name="test-send"),
        path("numero/<int:pk>/envoyer/", admin_views.issue_send, name="send"),
        path("numero/<int:pk>/pause/", admin_views.issue_pause, name="pause"),
        path("numero/<int:pk>/reprendre/", admin_views.issue_resume, name="resume"),
        path("numero/<int:pk>/programmer/", admin_views.issue_schedule, name="schedule"),
        path("statistiques/", admin_views.stats_overview, name="stats"),
        path("abonnes/export/", admin_views.subscribers_export, name="export"),
        path("abonnes/import/", admin_views.subscribers_import, name="import"),
    ],
    "newsletter_admin",
)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("lettre-d-information/", include(admin_urls))]


class IssueCreateView(CreateView):
    def get_initial_form_instance(self):
        return prefill(Issue())

    def get_success_url(self):
        return reverse("newsletter_admin:issue", args=[self.object.pk])


class IssueEditView(EditView):
    def dispatch(self, request, *args, **kwargs):
        issue = Issue.objects.filter(pk=kwargs.get("pk")).first()
        if issue is not None and not issue.is_editable:
            messages.warning(request, "Un numéro en cours d’envoi ou envoyé ne se modifie plus.")
            return redirect("newsletter_admin:issue", issue.pk)
        return super().dispatch(request, *args, **kwargs)


class IssueViewSet(SnippetViewSet):
    model = Issue
    icon = "mail"
    menu_label = "Numéros"
    add_view_class = IssueCreateView
    edit_view_class = IssueEditView
    list_display = ["title", "status", "scheduled_at", "sent_at"]
    list_filter = ["status"]

    def get_queryset(self, request):
        return Issue.objects.all()


class SubscriberViewSet(SnippetViewSet):
    model = Subscriber
    icon = "user"
    menu_label = "Abonnés"
    list_display = ["email", "status", "confirmed_at", Column("soft_bounces", label="Rebonds")]
    list_filter = ["status"]
    search_fields = ["email"]
    inspect_view_enabled = True
    panels = [FieldPanel("topics", widget=forms.CheckboxSelectMultiple)]


class ConsentViewSet(SnippetViewSet):
    model = ConsentRecord
    icon = "doc-full"
    menu_label = "Registre des consentements"
    list_display = ["email", "kind", "recorded_at", "wording_version", "source"]
    list_filter = ["kind"]
    search_fields = ["email"]
    inspect_view_enabled = True


class NewsletterGroup(SnippetViewSetGroup):
    items = (IssueViewSet, SubscriberViewSet, ConsentViewSet)
    menu_icon = "mail"
    menu_label = "Lettre d’information"
    menu_name = "lettre"


register_snippet(NewsletterGroup)


@hooks.register("register_admin_menu_item")
def stats_menu_item():
    return MenuItem(
        "Statistiques de la lettre",
        reverse("newsletter_admin:stats"),
        icon_name="table",
        order=610,
    )


@hooks.register("register_snippet_listing_buttons")
def issue_buttons(snippet, user, next_url=None):
    if isinstance(snippet, Issue):
        yield ListingButton(
            "Aperçu, envoi et statistiques",
            reverse("newsletter_admin:issue", args=[snippet.pk]),
            icon_name="mail",
            priority=5,
        )
