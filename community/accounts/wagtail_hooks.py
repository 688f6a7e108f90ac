"""Roles in the Wagtail admin: a « Référent » button in the user listing, and audit labels."""

from typing import Any

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.widgets import ListingButton

from . import admin_views


@hooks.register("register_admin_urls")
def accounts_admin_urls() -> list[Any]:
    return [
        path(
            "comptes/<int:pk>/referent/",
            admin_views.referent_status,
            name="accounts_referent_status",
        )
    ]


@hooks.register("register_user_listing_buttons")
def referent_button(user: Any, request_user: Any) -> list[ListingButton]:
    if not admin_views.may_verify_referents(request_user):
        return []
    return [
        ListingButton(
            "Statut de référent",
            reverse("accounts_referent_status", args=[user.pk]),
            priority=50,
        )
    ]


@hooks.register("register_log_actions")
def accounts_log_actions(actions: Any) -> None:
    actions.register_action(
        "accounts.referent_verified", "Référent vérifié", "Reconnu comme référent"
    )
    actions.register_action(
        "accounts.referent_revoked", "Référent retiré", "N’est plus reconnu comme référent"
    )
