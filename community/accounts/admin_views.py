"""Staff verify a referent from the Wagtail admin's user listing; the audit log keeps it."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods
from wagtail.log_actions import log

from . import roles


def may_verify_referents(user: object) -> bool:
    return roles.is_staff(user) and user.has_perm("accounts.change_user")  # type: ignore[attr-defined]


@require_http_methods(["GET", "POST"])
def referent_status(request: HttpRequest, pk: int) -> HttpResponse:
    if not may_verify_referents(request.user):
        raise PermissionDenied
    person = get_object_or_404(get_user_model(), pk=pk)
    if request.method == "POST":
        if request.POST.get("decision") == "verify":
            if not roles.is_member(person):
                messages.error(
                    request,
                    f"{person} n’a pas encore vérifié son adresse électronique : "
                    "impossible de le reconnaître comme référent.",
                )
            else:
                roles.add_role(person, roles.REFERENTS)
                log(instance=person, action="accounts.referent_verified", user=request.user)
                messages.success(request, f"{person} est reconnu comme référent.")
                return redirect("wagtailusers_users:index")
        elif request.POST.get("decision") == "revoke":
            roles.remove_role(person, roles.REFERENTS)
            log(instance=person, action="accounts.referent_revoked", user=request.user)
            messages.success(request, f"{person} n’est plus référent.")
            return redirect("wagtailusers_users:index")
    return TemplateResponse(
        request,
        "accounts/admin/referent_status.html",
        {
            "person": person,
            "is_referent": roles.is_referent(person),
            "is_member": roles.is_member(person),
        },
    )
