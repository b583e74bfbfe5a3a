# Production image: gunicorn behind a TLS-terminating proxy, static files served by whitenoise.
# Build:  docker build -t leadingschools .
# Run:    see site/deploy/compose.yaml (web, worker, PostgreSQL, Redis).

FROM python:3.11-slim-bookworm AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
RUN python -m venv /venv
# Production packages only (no pytest, Playwright, feedparser, linters: those are in requirements-dev.txt), each
# checked against the hashes pip-compile wrote.
COPY requirements.txt /tmp/requirements.txt
RUN /venv/bin/pip install --require-hashes -r /tmp/requirements.txt

FROM python:3.11-slim-bookworm
ENV PATH="/venv/bin:$PATH" \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production \
    STATIC_ROOT=/app/staticfiles \
    MEDIA_ROOT=/app/media \
    GUNICORN_BIND=0.0.0.0:8000
RUN useradd --system --create-home --uid 10001 app
COPY --from=build /venv /venv
WORKDIR /app
COPY --chown=app:app . /app
# collectstatic needs settings but no secrets and no database.
RUN SECRET_KEY=collectstatic-only python manage.py collectstatic --no-input -v0 \
    && mkdir -p /app/media /app/private-media && chown -R app:app /app/media /app/private-media /app/staticfiles
USER app
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status == 200 else 1)"
CMD ["gunicorn", "--config", "site/deploy/gunicorn.conf.py", "config.wsgi:application"]
