#!/usr/bin/env bash
# The primary's replication set-up, run once by the official postgres image as it makes the data directory
# (mounted into /docker-entrypoint-initdb.d by compose.yaml): the role the replica streams with, the pg_hba.conf line
# that lets it (the image's own lines, "all" databases, do not cover replication), and a physical replication slot,
# replica_1, so that the primary keeps the WAL the replica has not received yet.
set -euo pipefail
: "${REPLICATION_PASSWORD:?REPLICATION_PASSWORD must be set}"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    --set password="$REPLICATION_PASSWORD" <<'SQL'
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD :'password';
SELECT pg_create_physical_replication_slot('replica_1');
SQL

echo "host replication replicator all scram-sha-256" >>"$PGDATA/pg_hba.conf"
