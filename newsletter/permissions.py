"""Admin permission policies: consent records are evidence (read-only for everyone), and
subscribers are only created by the opt-in or a CSV import with proof, never by hand."""

from django.contrib.auth import get_user_model
from wagtail.permission_policies.base import ModelPermissionPolicy


class RestrictedPolicy(ModelPermissionPolicy):
    def __init__(self, model, denied: set[str]) -> None:
        super().__init__(model)
        self.denied = denied

    def user_has_permission(self, user, action: str) -> bool:
        return action not in self.denied and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        allowed = [action for action in actions if action not in self.denied]
        if not allowed:
            return get_user_model().objects.none()
        return super().users_with_any_permission(allowed)
