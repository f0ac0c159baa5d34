#!/usr/bin/env bash
# The streaming replica's entrypoint (compose.yaml's postgres-replica), run as the postgres user. On the first start
# the empty data directory is filled with a base backup of the primary, which also writes standby.signal and the
# connection to the primary (--write-recovery-conf); then PostgreSQL runs as a hot standby that answers reads and
# streams the primary's WAL through the slot replica_1. Later starts find the data directory and only run PostgreSQL.
set -euo pipefail
: "${PRIMARY_HOST:?PRIMARY_HOST must be set}"
: "${REPLICATION_PASSWORD:?REPLICATION_PASSWORD must be set}"
: "${PGDATA:?PGDATA must be set}"
PRIMARY_PORT="${PRIMARY_PORT:-5432}"

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_isready --host="$PRIMARY_HOST" --port="$PRIMARY_PORT" --quiet; do
    echo "waiting for the primary at $PRIMARY_HOST:$PRIMARY_PORT"
    sleep 1
  done
  pg_basebackup --pgdata="$PGDATA" --write-recovery-conf --wal-method=stream --slot=replica_1 --checkpoint=fast \
    --dbname="host=$PRIMARY_HOST port=$PRIMARY_PORT user=replicator password=$REPLICATION_PASSWORD application_name=replica_1"
  chmod 0700 "$PGDATA"
fi

exec postgres -c hot_standby=on "$@"
