#!/usr/bin/env bash
# Starts (start) or stops (stop DIR) a private PostgreSQL cluster on 127.0.0.1; prints DATABASE_URL on start.
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
case "${1:-}" in
  start)
    PGROOT=$(mktemp -d /tmp/pgci.XXXXXX); PGPORT=${PGPORT:-54329}
    chown postgres:postgres "$PGROOT"
    su postgres -s /bin/sh -c "cd / && $PGBIN/initdb -D $PGROOT/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null"
    su postgres -s /bin/sh -c "cd / && $PGBIN/pg_ctl -D $PGROOT/data -l $PGROOT/log.txt -w -t 30 -o '-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGROOT -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c autovacuum=off' start" >/dev/null
    psql -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -qc "create role app login password 'app' createdb" -c "create database app owner app" >&2
    echo "$PGROOT"
    ;;
  stop)
    su postgres -s /bin/sh -c "cd / && $PGBIN/pg_ctl -D $2/data -m fast -w stop" >/dev/null || true
    # The cluster is about 0.5 GB of throwaway test data: left behind, every run filled /tmp a little more.
    case "$2" in /tmp/pgci.*) rm -rf "$2" ;; esac
    ;;
  *) echo "usage: pg.sh start | stop DIR" >&2; exit 2 ;;
esac
