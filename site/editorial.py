"""The editorial set-up of the programme team: groups, permissions and the review workflow.

Editors (« Rédaction ») write and submit; moderators (« Modération ») review, publish and
moderate. Every page goes through the « Relecture avant publication » workflow.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EDITORS = "Rédaction"
MODERATORS = "Modération"
WORKFLOW = "Relecture avant publication"

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page", "lock_page", "unlock_page"],
    MODERATORS: [
        "add_page",
        "change_page",
        "publish_page",
        "bulk_delete_page",
        "lock_page",
        "unlock_page",
    ],
}
COLLECTION_PERMISSIONS = {
    EDITORS: [
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    ],
    MODERATORS: [
        "add_image",
        "change_image",
        "delete_image",
        "choose_image",
        "add_document",
        "change_document",
        "delete_document",
        "choose_document",
    ],
}
# Snippets and settings: moderators keep the shared reference data and the site chrome.
MODEL_PERMISSIONS = {
    EDITORS: [("taggit", "tag", ["add", "change"])],
    MODERATORS: [
        ("taggit", "tag", ["add", "change", "delete"]),
        ("programme", "topic", ["change"]),
        ("programme", "partner", ["add", "change"]),
        ("programme", "glossaryterm", ["add", "change", "delete"]),
        ("territories", "town", ["change"]),
        ("core", "portalsettings", ["change"]),
        ("core", "navigationsettings", ["change"]),
    ],
}


def _permission(
    codename: str, app_label: str | None = None, model: str | None = None
) -> Permission:
    queryset = Permission.objects.filter(codename=codename)
    if app_label and model:
        queryset = queryset.filter(
            content_type=ContentType.objects.get_by_natural_key(app_label, model)
        )
    return queryset.get()


@transaction.atomic
def setup_editorial(root: Page | None = None) -> Workflow:
    """Create or complete the groups and the workflow on `root`. Idempotent.

    By default `root` is the root of the page tree, as for Wagtail's own default groups:
    the rights and the workflow then cover the home page whenever it is created.
    """
    root = root or Page.get_first_root_node()
    # Wagtail's initial migration creates English-named defaults: adopt them, not duplicate.
    for default, ours in (("Editors", EDITORS), ("Moderators", MODERATORS)):
        if not Group.objects.filter(name=ours).exists():
            Group.objects.filter(name=default).update(name=ours)
    GroupApprovalTask.objects.filter(name="Moderators approval").update(
        name="Validation par la modération"
    )
    Workflow.objects.filter(name="Moderators approval").update(name=WORKFLOW)
    admin_access = _permission("access_admin", "wagtailadmin", "admin")
    collection = Collection.get_first_root_node()
    groups = {}
    for name in (EDITORS, MODERATORS):
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.add(admin_access)
        for codename in PAGE_PERMISSIONS[name]:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=_permission(codename, "wagtailcore", "page")
            )
        for codename in COLLECTION_PERMISSIONS[name]:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=_permission(codename)
            )
        for app_label, model, actions in MODEL_PERMISSIONS[name]:
            for action in actions:
                group.permissions.add(_permission(f"{action}_{model}", app_label, model))

    task, _ = GroupApprovalTask.objects.get_or_create(name="Validation par la modération")
    task.groups.add(groups[MODERATORS])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    return workflow
