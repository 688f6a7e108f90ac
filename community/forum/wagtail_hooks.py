"""The community in the Wagtail admin: groups, calls, forum categories and suspensions
under one « Communauté » menu, the moderation queue, and the moderator actions' labels in
the audit log."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from community import visibility
from community.groups.models import CallForContributions, WorkingGroup

from . import admin_views
from .models import Category, Suspension
from .moderation import ACTIONS


class WorkingGroupViewSet(SnippetViewSet):
    model = WorkingGroup
    icon = "group"
    menu_label = "Groupes de travail"
    list_display = ["title", Column("is_open", label="Adhésion libre")]
    search_backend_name = None
    search_fields = ["title", "summary"]


class CallViewSet(SnippetViewSet):
    model = CallForContributions
    icon = "doc-full"
    menu_label = "Appels à contributions"
    list_display = [
        "title",
        "group",
        "deadline",
        Column("status", accessor="get_status_display", label="État"),
    ]
    list_filter = ["status", "group"]


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "list-ul"
    menu_label = "Catégories du forum"
    list_display = [
        "title",
        "group",
        Column("visibility", accessor="get_visibility_display", label="Visibilité"),
    ]


class SuspensionViewSet(SnippetViewSet):
    model = Suspension
    icon = "lock"
    menu_label = "Suspensions"
    list_display = ["user", "until", "reason"]


class CommunityViewSetGroup(SnippetViewSetGroup):
    menu_label = "Communauté"
    menu_icon = "group"
    menu_order = 260
    items = (WorkingGroupViewSet, CallViewSet, CategoryViewSet, SuspensionViewSet)


register_snippet(CommunityViewSetGroup)


@hooks.register("register_admin_urls")
def moderation_urls() -> list:
    return [
        path("moderation-forum/", admin_views.queue, name="forum_moderation_queue"),
        path("moderation-forum/<int:pk>/", admin_views.decide, name="forum_moderation_decide"),
    ]


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return visibility.is_moderator(request.user)


@hooks.register("register_admin_menu_item")
def moderation_menu_item() -> MenuItem:
    return ModeratorMenuItem(
        "Modération du forum", reverse("forum_moderation_queue"), icon_name="warning", order=270
    )


@hooks.register("register_log_actions")
def forum_log_actions(actions) -> None:
    for action, label in ACTIONS.items():
        actions.register_action(action, label, label)
