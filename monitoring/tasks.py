"""Recounting in the background (django-tasks): a publication refreshes its school's figures of this year."""

from django_tasks import task


@task()
def refresh_school_figures(school_id):
    from monitoring import figures
    from monitoring.indicators import Schools
    from monitoring.models import FiguresRefresh
    from monitoring.periods import Period

    period = Period.current()
    if not FiguresRefresh.objects.filter(period_start=period.start).exists():
        return  # never counted: the first report counts the whole network anyway
    schools = Schools()
    canonical = schools.canonical.get(school_id)
    if canonical is not None:
        figures.refresh(period, only={canonical})
