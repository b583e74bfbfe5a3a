from types import SimpleNamespace

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        """A new teacher's e-mails go out in the language they signed up in, until they choose another."""
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            from wagtail.users.models import UserProfile

            language = translation.get_language()
            if language in dict(settings.LANGUAGES):
                UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})
        return user

    def pre_authenticate(self, request, **credentials):
        """django-axes answers first: an account (or address) it has locked gets its translated lock-out page
        (security.views.lockout, through axes' middleware), not allauth's own "too many attempts" form error, which
        would otherwise come first once allauth's per-e-mail counter is spent too."""
        from axes.handlers.proxy import AxesProxyHandler
        from axes.helpers import get_credentials

        if not AxesProxyHandler.is_allowed(request, get_credentials(**credentials)):
            request.axes_locked_out = True
            raise self.validation_error("too_many_login_attempts")
        super().pre_authenticate(request, **credentials)

    def send_mail(self, template_prefix, email, context):
        """allauth greets and signs with the site's name; without django.contrib.sites it would be the host name."""
        request = context.get("request") or allauth_context.request
        site = SimpleNamespace(name=str(settings.WAGTAIL_SITE_NAME), domain=request.get_host() if request else "")
        super().send_mail(template_prefix, email, {**context, "current_site": site})
