"""Error reporting: Sentry (sentry-sdk) when SENTRY_DSN is set, nothing at all otherwise."""

import os


def init_sentry(environ=os.environ):
    """Initialise sentry-sdk from the environment; returns whether reporting is on."""
    dsn = environ.get("SENTRY_DSN", "").strip()
    if not dsn:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        integrations=[DjangoIntegration()],
        environment=environ.get("SENTRY_ENVIRONMENT", "production"),
        release=environ.get("SENTRY_RELEASE") or None,
        # Reviewers' and teachers' names, e-mail addresses and submissions stay on our servers.
        send_default_pii=False,
        traces_sample_rate=float(environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
    )
    return True
