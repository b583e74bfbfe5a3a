from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off
from django.conf import settings
from django.shortcuts import redirect, render
from wagtail.admin.views.account import PasswordResetView

from .client import client_address
from .limits import over_limit


def lockout(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out sign-in (AXES_LOCKOUT_CALLABLE): a translated page, 429."""
    cool_off = get_cool_off(request)
    minutes = max(1, round(cool_off.total_seconds() / 60)) if cool_off else None
    return render(request, "security/lockout.html", {"cooloff_minutes": minutes}, status=429)


def signin_account(request, credentials=None):
    """The account a sign-in names, for django-axes (AXES_USERNAME_CALLABLE): the admin's username, or the e-mail
    address of the public sign-in (allauth posts it as `login` and passes it to authenticate() as `email`), so that
    failures there count per account too. An e-mail address is compared lower-cased, as allauth finds accounts."""
    credentials = credentials or {}
    data = getattr(request, "POST", {}) if request is not None else {}
    name = credentials.get("username") or credentials.get("email") or data.get("username") or data.get("login") or ""
    name = name.strip()
    return name.lower() if "@" in name else (name or None)


def password_reset_limits():
    return getattr(settings, "PASSWORD_RESET_RATE_LIMITS", {"address": (10, 3600), "email": (3, 3600)})


class ThrottledPasswordResetView(PasswordResetView):
    """The admin's password reset, limited per client address and per e-mail address.

    A client locked out of signing in (django-axes) is refused here too; past the per-address limit the form answers
    429 with the lock-out page; past the per-e-mail limit the usual "sent" page is shown but no message goes out,
    so the form neither floods an inbox nor tells whether the address belongs to an account.
    """

    def post(self, request, *args, **kwargs):
        if not AxesProxyHandler.is_allowed(request):
            return lockout(request)
        limits = password_reset_limits()
        if over_limit("reset-address", client_address(request), *limits["address"]):
            return lockout(request)
        email = request.POST.get("email", "").strip().lower()
        if email and over_limit("reset-email", email, *limits["email"]):
            return redirect(self.get_success_url())
        return super().post(request, *args, **kwargs)
