"""The desk, its registrations and certificates copy the event's school, region, kind and start: keep them in step
when the editor changes the event (saving the version the desk points to, normally the default language's)."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from network.models import EventPage


@receiver(post_save, sender=EventPage)
def event_saved(sender, instance, **kwargs):
    from attendance.models import Certificate, Registration, RegistrationDesk

    facts = {"school_id": instance.school_id, "region_id": instance.region_id, "event_kind": instance.kind,
             "event_start": instance.start}
    desks = RegistrationDesk.objects.filter(event_id=instance.pk).exclude(**facts)
    desk_ids = list(desks.values_list("pk", flat=True))
    if desk_ids:
        RegistrationDesk.objects.filter(pk__in=desk_ids).update(**facts)
        Registration.objects.filter(desk_id__in=desk_ids).update(**facts)
        Certificate.objects.filter(registration__desk_id__in=desk_ids).update(**facts)
