#!/usr/bin/env bash
# wagtail/bakerydemo served by gunicorn (2 sync workers) on 127.0.0.1, OUTSIDE this repository, as the reference
# that bench/page_cache_benchmark.py --bakerydemo-port compares our pages with (issue 15's budgets).
#
#   bench/bakerydemo_serve.sh          # set up what is missing, then serve (idempotent: does nothing if serving)
#   bench/bakerydemo_serve.sh stop     # stop the gunicorn this script started (its pid file only)
#   bench/bakerydemo_serve.sh status
#
# Nothing of bakerydemo is ever committed here. Its checkout must exist at $BAKERY_DIR, or $BAKERY_SOURCE must
# name a git repository (a path or URL) to clone it from; the script then checks out $BAKERY_COMMIT, the version
# measured so far. It makes its own virtualenv ($BAKERY_DIR/.venv, Python >= 3.12 for Django 6) with bakerydemo's
# base requirements plus what its production settings use (psycopg, whitenoise) and gunicorn, creates its
# PostgreSQL database if missing, migrates, loads bakerydemo's initial data once (`load_initial_data`), collects
# its static files and starts gunicorn daemonised with its production settings (DEBUG off, its default local-memory
# cache: no REDIS_URL; SECURE_SSL_REDIRECT off since nothing terminates TLS on 127.0.0.1).
#
# Environment (defaults):
#   BAKERY_DIR=/work/bakerydemo   BAKERY_PORT=8165   BAKERY_WORKERS=2   BAKERY_COMMIT=8e2b625
#   BAKERY_DATABASE_URL=postgres://postgres@127.0.0.1:5432/bakerydemo   (created with createdb if missing)
#   BAKERY_PYTHON=<first Python >= 3.12 found>   BAKERY_SOURCE=<unset>
set -euo pipefail

BAKERY_DIR=${BAKERY_DIR:-/work/bakerydemo}
BAKERY_PORT=${BAKERY_PORT:-8165}
BAKERY_WORKERS=${BAKERY_WORKERS:-2}
BAKERY_COMMIT=${BAKERY_COMMIT:-8e2b625}
BAKERY_DATABASE_URL=${BAKERY_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/bakerydemo}
PIDFILE="$BAKERY_DIR/gunicorn-$BAKERY_PORT.pid"
LOGFILE="$BAKERY_DIR/gunicorn-$BAKERY_PORT.log"

say() { printf 'bakerydemo: %s\n' "$*"; }

running() { [[ -f $PIDFILE ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }

case "${1:-serve}" in
    stop)
        if running; then
            pid=$(cat "$PIDFILE")
            kill -TERM "$pid"
            for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
            say "stopped gunicorn $pid (port $BAKERY_PORT)"
        else
            say "not running on port $BAKERY_PORT"
        fi
        rm -f "$PIDFILE"
        exit 0
        ;;
    status)
        if running; then say "serving on 127.0.0.1:$BAKERY_PORT (gunicorn $(cat "$PIDFILE"))"; else say "not running"; exit 1; fi
        exit 0
        ;;
    serve) ;;
    *) echo "usage: $0 [serve|stop|status]" >&2; exit 2 ;;
esac

if running; then
    say "already serving on 127.0.0.1:$BAKERY_PORT (gunicorn $(cat "$PIDFILE"))"
    exit 0
fi

# 1. The checkout.
if [[ ! -f $BAKERY_DIR/manage.py ]]; then
    if [[ -z ${BAKERY_SOURCE:-} ]]; then
        echo "No bakerydemo checkout at $BAKERY_DIR: set BAKERY_SOURCE to a git repository of wagtail/bakerydemo" >&2
        echo "(a path or URL) or clone it there yourself." >&2
        exit 1
    fi
    git clone --quiet "$BAKERY_SOURCE" "$BAKERY_DIR"
    git -C "$BAKERY_DIR" checkout --quiet "$BAKERY_COMMIT"
    say "cloned $(git -C "$BAKERY_DIR" log --oneline -1)"
fi
cd "$BAKERY_DIR"

# 2. Its virtualenv.
if [[ ! -x .venv/bin/gunicorn ]]; then
    python=${BAKERY_PYTHON:-}
    if [[ -z $python ]]; then
        for candidate in python3.13 python3.12 /root/.pyenv/versions/3.1[23]*/bin/python3 python3; do
            if command -v "$candidate" >/dev/null 2>&1 &&
                "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
                python=$candidate
                break
            fi
        done
    fi
    [[ -n $python ]] || { echo "bakerydemo needs Python >= 3.12 (set BAKERY_PYTHON)" >&2; exit 1; }
    "$python" -m venv .venv
    .venv/bin/pip install --quiet --upgrade pip
    .venv/bin/pip install --quiet -r requirements/base.txt "psycopg[binary]>=3.3.3,<3.4" "whitenoise>=6.11.0,<7" gunicorn
    say "virtualenv made with $("$python" --version)"
fi

export DATABASE_URL=$BAKERY_DATABASE_URL
export DJANGO_SETTINGS_MODULE=bakerydemo.settings.production
export DJANGO_SECRET_KEY=${DJANGO_SECRET_KEY:-bakerydemo-benchmark-only-not-a-secret}
export DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost
export SECURE_SSL_REDIRECT=False
export SECURE_HSTS_SECONDS=0
unset REDIS_URL REDIS_TLS_URL ELASTICSEARCH_ENDPOINT

# 3. Its database, schema and data.
if [[ $DATABASE_URL == postgres://* ]]; then
    dbname=${DATABASE_URL##*/}
    server=${DATABASE_URL%/*}
    if ! psql "$server/postgres" -Atqc "SELECT 1 FROM pg_database WHERE datname = '$dbname'" | grep -q 1; then
        psql "$server/postgres" -qc "CREATE DATABASE \"$dbname\""
        say "created database $dbname"
    fi
fi
.venv/bin/python manage.py migrate --noinput -v0
pages=$(.venv/bin/python manage.py shell -c "from wagtail.models import Page; print(Page.objects.count())" 2>/dev/null | tail -1)
if [[ ${pages:-0} -le 2 ]]; then
    .venv/bin/python manage.py load_initial_data
fi
.venv/bin/python manage.py collectstatic --noinput -v0

# 4. gunicorn, daemonised; its pid file is what `stop` kills.
.venv/bin/gunicorn bakerydemo.wsgi:application \
    --workers "$BAKERY_WORKERS" --worker-class sync \
    --bind "127.0.0.1:$BAKERY_PORT" \
    --daemon --pid "$PIDFILE" --error-logfile "$LOGFILE"
for _ in $(seq 100); do
    if status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$BAKERY_PORT/") && [[ $status == 200 ]]; then
        say "serving on 127.0.0.1:$BAKERY_PORT (gunicorn $(cat "$PIDFILE"), $BAKERY_WORKERS sync workers, log $LOGFILE)"
        exit 0
    fi
    sleep 0.3
done
echo "bakerydemo did not answer 200 on port $BAKERY_PORT (last status ${status:-none}); see $LOGFILE" >&2
exit 1
