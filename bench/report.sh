#!/usr/bin/env bash
# Measures the status report of issue 14 on PostgreSQL beside the bare count it must stay within 3 times of:
#
#   1. waybill fake --count SHIPMENTS (1,000,000) --seed SEED into a schema of its own: realistic histories (about
#      five events a shipment, half of the shipments delivered, exceptions, returns), ending up to two weeks before
#      the start of today (UTC)
#   2. VACUUM ANALYZE of that schema's tables: the state autovacuum keeps a table in, with statistics and the
#      visibility map that index-only scans need (for the bare count as much as for the report)
#   3. bench/ReportBench.java: in one run, the best of RUNS runs of SELECT status, count(*) FROM shipments GROUP BY
#      status, and of the report's figures as the report counts them (Persistence.reportFigures()) for the slot from
#      08:00 to 16:00 two days ago, stalled meaning nothing recorded for three days; again with every shipment under
#      way stalled (the stalled count's worst case); and the ratios to the bare count. Two rounds.
#
# The schema is dropped at the end.
#
#   bash bench/report.sh
#   SHIPMENTS=100000 bash bench/report.sh     # a quicker run
#
# Settings: SHIPMENTS, SEED (1), RUNS (7), JAVA (java on PATH), POSTGRES_URL (jdbc:postgresql://127.0.0.1:5432/test),
# POSTGRES_USER (postgres), JAR (bootstrap/target/waybill.jar, built when missing; another build's jar measures that
# build).
set -euo pipefail
cd "$(dirname "$0")/.."

SHIPMENTS=${SHIPMENTS:-1000000}
SEED=${SEED:-1}
RUNS=${RUNS:-7}
JAVA=${JAVA:-java}
POSTGRES_URL=${POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432/test}
POSTGRES_USER=${POSTGRES_USER:-postgres}
JAR=${JAR:-bootstrap/target/waybill.jar}

if [ ! -f "$JAR" ]; then
  ./mvnw -q -B package -DskipTests
fi

schema="bench_report_$$"
cleanup() {
  psql -h 127.0.0.1 -U "$POSTGRES_USER" -d test -qc "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true
}
trap cleanup EXIT

echo "JVM: $("$JAVA" -version 2>&1 | head -n 1); $(psql -h 127.0.0.1 -U "$POSTGRES_USER" -d test -Atc 'SHOW server_version')"
started=$(date +%s)
WAYBILL_DATABASE_URL="$POSTGRES_URL" WAYBILL_DATABASE_USER="$POSTGRES_USER" WAYBILL_DATABASE_SCHEMA="$schema" \
  "$JAVA" -jar "$JAR" fake --count "$SHIPMENTS" --seed "$SEED" --quiet
echo "fake --count $SHIPMENTS: $(($(date +%s) - started)) s"
psql -h 127.0.0.1 -U "$POSTGRES_USER" -d test -qc \
  "VACUUM ANALYZE $schema.shipments, $schema.tracking_events"
psql -h 127.0.0.1 -U "$POSTGRES_USER" -d test -Atc "SELECT 'tables: shipments ' || pg_size_pretty(pg_relation_size('$schema.shipments')) || ', tracking_events ' || pg_size_pretty(pg_relation_size('$schema.tracking_events')) || ' (' || (SELECT count(*) FROM $schema.tracking_events) || ' events)'"
# Without waybill's own start-up, logback logs the pool at DEBUG: only the figures are shown.
"$JAVA" -cp "$JAR" bench/ReportBench.java "$POSTGRES_URL" "$POSTGRES_USER" "$schema" "$RUNS" \
  | grep -Ev '^[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3} '
