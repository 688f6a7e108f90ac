"""Password guessing is throttled per account and per IP, in the shared cache.

The authentication backend counts every attempt, whatever form it comes from (the admin,
Wagtail's front-end login, the community's later): past the limit it refuses even the right
password until the window ends. The admin's login and password-reset views then say so in
French with a 429 instead of « wrong password ».
"""

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied
from django.http import HttpRequest, HttpResponse
from wagtail.admin.views import account

from . import ratelimit

# (attempts, seconds); settings.RATELIMITS overrides them per scope.
LOGIN_PER_ACCOUNT = ("login.account", (10, 15 * 60))
LOGIN_PER_IP = ("login.ip", (30, 15 * 60))
RESET_PER_ACCOUNT = ("password-reset.account", (3, 60 * 60))
RESET_PER_IP = ("password-reset.ip", (10, 60 * 60))


def _hit(scope_and_default: tuple[str, tuple[int, int]], key: str) -> None:
    scope, default = scope_and_default
    limit, period = ratelimit.limit_for(scope, default)
    ratelimit.hit(scope, key, limit=limit, period=period)


def _account_key(value: str) -> str:
    return value.strip().lower()


class ThrottledModelBackend(ModelBackend):
    """Django's backend, behind a per-account and per-IP count of attempts."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> Any:
        if request is not None:
            try:
                _hit(LOGIN_PER_IP, ratelimit.client_ip(request))
                if username:
                    _hit(LOGIN_PER_ACCOUNT, _account_key(username))
            except ratelimit.RateLimited as exc:
                request.login_throttled = exc
                # Stops Django trying the other backends: the attempt fails.
                raise PermissionDenied(exc.message) from exc
        return super().authenticate(request, username=username, password=password, **kwargs)


class ThrottledLoginView(account.LoginView):
    """Wagtail's admin login, telling a throttled visitor why and when to come back."""

    def form_invalid(self, form: Any) -> HttpResponse:
        throttled = getattr(self.request, "login_throttled", None)
        if throttled is None:
            return super().form_invalid(form)
        form.errors[NON_FIELD_ERRORS] = form.error_class([throttled.message])
        return ratelimit.too_many_requests(super().form_invalid(form), throttled)


class ThrottledPasswordResetView(account.PasswordResetView):
    """Wagtail's password reset: a few e-mails per address and per IP, then a French refusal."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = self.get_form()
        try:
            _hit(RESET_PER_IP, ratelimit.client_ip(request))
            _hit(RESET_PER_ACCOUNT, _account_key(str(request.POST.get("email", ""))))
        except ratelimit.RateLimited as exc:
            form.is_valid()
            form.add_error(None, exc.message)
            return ratelimit.too_many_requests(self.form_invalid(form), exc)
        return super().post(request, *args, **kwargs)
