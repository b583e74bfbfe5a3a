"""The desk, its registrations and certificates copy the event's school, region, kind and start: keep them in step
when the editor changes the event (saving the version the desk points to, normally the default language's)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from network.models import EventPage


@receiver(post_save, sender=EventPage)
def event_saved(sender, instance, **kwargs):
    from attendance.models import Certificate, Registration, RegistrationDesk

    facts = {
        "school_id": instance.school_id,
        "region_id": instance.region_id,
        "event_kind": instance.kind,
        "event_start": instance.start,
    }
    desks = RegistrationDesk.objects.filter(event_id=instance.pk).exclude(**facts)
    desk_ids = list(desks.values_list("pk", flat=True))
    if desk_ids:
        RegistrationDesk.objects.filter(pk__in=desk_ids).update(**facts)
        Registration.objects.filter(desk_id__in=desk_ids).update(**facts)
        Certificate.objects.filter(registration__desk_id__in=desk_ids).update(**facts)


@receiver(post_save, sender="attendance.RegistrationDesk")
@receiver(post_delete, sender="attendance.RegistrationDesk")
def desks_changed(sender, created=True, **kwargs):
    """A new desk hides its event's joining link: forget the cached list, and make feeds and calendars render anew."""
    from attendance.queries import forget_desk_keys
    from follow.models import FeedState

    if created:
        forget_desk_keys()
        FeedState.bump()
