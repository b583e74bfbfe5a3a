import logging

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import F
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST, require_safe
from wagtail.models import Locale

from network.models import EventPage, LeadingSchoolPage
from network.models.base import parse_int
from security.client import client_address
from security.limits import over_limit

from . import identity
from .calendars import build_calendar, calendar_events
from .conditional import conditional_cached
from .feeds import FEED_CLASSES, resolve_scope
from .forms import SubscribeForm, SubscriberForm, SubscriptionFormSet
from .mail import send_confirmation
from .models import Subscriber, Subscription
from .sources import all_sources
from .tokens import make_confirm_token, make_manage_token, read_confirm_token, read_manage_token

logger = logging.getLogger(__name__)

CALENDAR_TYPE = "text/calendar; charset=utf-8"


# Feeds and calendars --------------------------------------------------------------------------------------------


@require_safe
@conditional_cached
def feed(request, kind, fmt, school_id=None):
    return FEED_CLASSES[fmt]()(request, kind=kind, school_id=school_id)


@require_safe
@conditional_cached
def calendar(request, school_id=None):
    scope = resolve_scope(request, "events", school_id)
    name = _("%(school)s: events") % {"school": scope.school.title} if scope.school is not None else _("Network events")
    events = calendar_events(scope.source.queryset(scope.locale, scope.school))
    return HttpResponse(build_calendar(name, events, request), content_type=CALENDAR_TYPE)


@require_safe
@conditional_cached
def event_ics(request, event_id):
    event = EventPage.objects.live().public().filter(pk=event_id).select_related("school").first()
    if event is None:
        raise Http404("No such event")
    response = HttpResponse(build_calendar(event.title, [event], request), content_type=CALENDAR_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{event.slug or "event"}.ics"'
    return response


# The "follow" page -----------------------------------------------------------------------------------------------


@require_GET
def index(request):
    feeds = []
    for source in all_sources():
        feeds.append(
            {
                "title": source.title,
                "rss": reverse("follow:rss", kwargs={"kind": source.key}),
                "atom": reverse("follow:atom", kwargs={"kind": source.key}),
            }
        )
    calendar_url = request.build_absolute_uri(reverse("follow:calendar"))
    return render(
        request,
        "follow/index.html",
        {
            "feeds": feeds,
            "calendar_url": calendar_url,
            "webcal_url": identity.webcal(calendar_url),
        },
    )


# E-mail subscriptions --------------------------------------------------------------------------------------------


def rate_limits():
    return getattr(settings, "FOLLOW_RATE_LIMITS", {"address": (10, 3600), "email": (3, 3600)})


def school_name(school):
    """The followed school's name in the active language (its translation when there is one)."""
    if school is None:
        return _("the whole Leading Schools network")
    locale = Locale.objects.filter(language_code=translation.get_language()).first()
    translated = school.get_translation_or_none(locale) if locale else None
    return (translated or school).title


def followable_school(school_id):
    school_id = parse_int(school_id)
    if school_id is None:
        return None
    return LeadingSchoolPage.objects.live().public().filter(pk=school_id).first()


@never_cache
@require_http_methods(["GET", "POST"])
def subscribe(request):
    school = followable_school(request.GET.get("school") if request.method == "GET" else request.POST.get("school"))
    if request.method == "GET":
        form = SubscribeForm(initial={"school": school.pk if school else None})
        return render(
            request, "follow/subscribe.html", {"form": form, "school": school, "school_title": school_name(school)}
        )

    form = SubscribeForm(request.POST)
    limits = rate_limits()
    if over_limit("address", client_address(request), *limits["address"]):
        form.is_valid()
        form.add_error(None, _("Too many attempts from your network. Please try again in an hour."))
        return render(request, "follow/subscribe.html", {"form": form, "school": school}, status=429)
    if not form.is_valid():
        return render(request, "follow/subscribe.html", {"form": form, "school": school}, status=400)
    data = form.cleaned_data
    if data["school"] and school is None:
        form.add_error(None, _("This Leading School cannot be followed."))
        return render(request, "follow/subscribe.html", {"form": form, "school": None}, status=400)

    # The same answer whether or not the address is already subscribed; a flood to one address is silently dropped.
    if not over_limit("email", data["email"], *limits["email"]):
        token = make_confirm_token(
            data["email"], data["language"], school.pk if school else None, data["topics"], data["frequency"]
        )
        with translation.override(data["language"]):
            confirm_url = request.build_absolute_uri(reverse("follow:confirm", args=[token]))
            scope = school_name(school)
        try:
            send_confirmation(data["email"], data["language"], confirm_url, scope)
        except Exception:
            logger.exception("The confirmation message could not be sent")
            form.add_error(None, _("The confirmation message could not be sent. Please try again later."))
            return render(request, "follow/subscribe.html", {"form": form, "school": school}, status=503)
    return redirect("follow:subscribe_sent")


@require_GET
def subscribe_sent(request):
    return render(request, "follow/subscribe_sent.html")


def private(response):
    """Pages reached through a personal link: not indexed, not cached, and the link is not leaked as a referrer.

    `same-origin`, not `no-referrer`: with `no-referrer` Chromium sends `Origin: null` on the page's own form POSTs
    and Django's CSRF origin check refuses them (403); `same-origin` still sends nothing to any other site."""
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex"
    return response


def link_error(request, message, status=400):
    return private(render(request, "follow/link_error.html", {"message": message}, status=status))


@never_cache
@csrf_exempt  # the signed token is the credential; a mail program's browser may have no cookie
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    try:
        data = read_confirm_token(token)
    except signing.SignatureExpired:
        return link_error(request, _("This confirmation link has expired. Please subscribe again."))
    except signing.BadSignature:
        return link_error(request, _("This confirmation link is not valid. Please subscribe again."))
    school = None
    if data.get("s"):
        school = LeadingSchoolPage.objects.filter(pk=data["s"]).first()
        if school is None:
            return link_error(request, _("This Leading School no longer exists."), status=404)
    if request.method == "GET":
        # A page with a button rather than confirming on GET: mail scanners follow links in messages.
        return private(render(request, "follow/confirm.html", {"email": data["e"], "scope": school_name(school)}))

    now = timezone.now()
    topics = set(data.get("t", [])) & set(Subscription.TOPICS)
    with transaction.atomic():
        subscriber, created = Subscriber.objects.select_for_update().get_or_create(
            email=data["e"], defaults={"language": data["l"], "consented_at": now}
        )
        if not created:
            subscriber.language, subscriber.consented_at = data["l"], now
            subscriber.save(update_fields=["language", "consented_at"])
        Subscription.objects.update_or_create(
            subscriber=subscriber,
            school=school,
            defaults={
                **{topic: topic in topics for topic in Subscription.TOPICS},
                "frequency": data["f"],
                "consented_at": now,
            },
        )
    manage_url = reverse("follow:manage", args=[make_manage_token(subscriber)])
    return private(render(request, "follow/confirmed.html", {"manage_url": manage_url, "scope": school_name(school)}))


def subscriber_from(token):
    try:
        subscriber_id, email = read_manage_token(token)
    except signing.BadSignature:
        return None, False
    return Subscriber.objects.filter(pk=subscriber_id, email=email).first(), True


@never_cache
@require_http_methods(["GET", "POST"])
def manage(request, token):
    subscriber, valid = subscriber_from(token)
    if not valid:
        return link_error(request, _("This link is not valid."))
    if subscriber is None:
        return link_error(request, _("This subscription no longer exists."), status=404)
    # The whole network first, then the schools by name.
    subscriptions = subscriber.subscriptions.select_related("school").order_by(
        F("school__title").asc(nulls_first=True), "pk"
    )
    if request.method == "POST":
        subscriber_form = SubscriberForm(request.POST, instance=subscriber)
        formset = SubscriptionFormSet(request.POST, queryset=subscriptions)
        if subscriber_form.is_valid() and formset.is_valid():
            with transaction.atomic():
                subscriber_form.save()
                formset.save()
                if not subscriber.subscriptions.exists():
                    subscriber.delete()
                    return private(render(request, "follow/unsubscribed.html"))
            return private(redirect(request.path + "?saved=1"))
        status = 400
    else:
        subscriber_form = SubscriberForm(instance=subscriber)
        formset = SubscriptionFormSet(queryset=subscriptions)
        status = 200
    rows = [(form, school_name(form.instance.school)) for form in formset.forms]
    return private(
        render(
            request,
            "follow/manage.html",
            {
                "subscriber": subscriber,
                "subscriber_form": subscriber_form,
                "formset": formset,
                "rows": rows,
                "token": token,
                "saved": request.GET.get("saved") == "1",
            },
            status=status,
        )
    )


@never_cache
@csrf_exempt  # RFC 8058: the mail program's one-click POST carries no cookie and no CSRF token
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    subscriber, valid = subscriber_from(token)
    if not valid:
        return link_error(request, _("This link is not valid."))
    if request.method == "GET":
        return private(render(request, "follow/unsubscribe.html", {"subscriber": subscriber, "token": token}))
    if subscriber is not None:
        subscriber.delete()
    return private(render(request, "follow/unsubscribed.html"))


@never_cache
@require_POST
def delete(request, token):
    subscriber, valid = subscriber_from(token)
    if not valid:
        return link_error(request, _("This link is not valid."))
    if subscriber is not None:
        subscriber.delete()
    return private(render(request, "follow/deleted.html"))
