from django import template
from django.conf import settings

register = template.Library()


@register.filter
def is_honeypot(field):
    """allauth's bot trap on the sign-up form (ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD): hidden from people."""
    return field.name == getattr(settings, "ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD", None)
