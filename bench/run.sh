#!/usr/bin/env bash
# Measures the HTTP service with wrk: requests/s, p50 and p99 of /health and of /next-tracking-number,
# on the embedded H2 and on PostgreSQL, in one run, and prints each route's ratio to /health.
#
#   bash bench/run.sh                 # both databases, 15 s a measurement
#   DURATION=30s bash bench/run.sh h2 # one database, longer
#
# Settings: DURATION (15s), WARMUP (75s; the JIT needs about that on 2 cores), CONNECTIONS (64), WRK_THREADS (1), JAVA (java on PATH),
# JAVA_OPTS, POSTGRES_URL (jdbc:postgresql://127.0.0.1:5432/test), POSTGRES_USER (postgres).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-75s}
CONNECTIONS=${CONNECTIONS:-64}
WRK_THREADS=${WRK_THREADS:-1}
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:-}
POSTGRES_URL=${POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432/test}
POSTGRES_USER=${POSTGRES_USER:-postgres}
BACKENDS=("${@:-h2 postgres}")
read -r -a BACKENDS <<<"${BACKENDS[*]}"

QUERY='origin_country_id=MY&destination_country_id=ID&weight=1.234&created_at=2018-11-20T19:29:32%2B08:00&customer_id=de619854-b59b-425e-9db4-943979e1bd49&customer_name=RedBox%20Logistics&customer_slug=redbox-logistics'

if ! command -v wrk >/dev/null; then
  echo "installing wrk"
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
if [ ! -f bootstrap/target/waybill.jar ]; then
  ./mvnw -q -B package -DskipTests
fi

work=$(mktemp -d)
server=""
schema=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  if [ -n "$schema" ]; then psql -h 127.0.0.1 -U "$POSTGRES_USER" -d test -qc "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

start_server() { # backend
  local -a env=(WAYBILL_DATA_DIR="$work/data-$1")
  if [ "$1" = postgres ]; then
    schema="bench_$$_$RANDOM"
    env=(WAYBILL_DATABASE_URL="$POSTGRES_URL" WAYBILL_DATABASE_USER="$POSTGRES_USER" WAYBILL_DATABASE_SCHEMA="$schema")
  fi
  env "${env[@]}" $JAVA $JAVA_OPTS -jar bootstrap/target/waybill.jar serve --host 127.0.0.1 --port 0 \
    >"$work/out-$1" 2>"$work/err-$1" &
  server=$!
  for _ in $(seq 1 200); do
    port=$(sed -n 's/.*listening on http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$work/out-$1")
    [ -n "$port" ] && return 0
    kill -0 "$server" 2>/dev/null || { cat "$work/err-$1"; exit 1; }
    sleep 0.1
  done
  echo "the service did not start" >&2; exit 1
}

stop_server() {
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
}

# Prints "requests/s p50 p99 non2xx" for one wrk run.
measure() { # url duration
  wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$2" --latency "$1" >"$work/wrk" 2>&1
  awk '
    /Requests\/sec:/ { rps = $2 }
    /^ +50%/ { p50 = $2 }
    /^ +99%/ { p99 = $2 }
    /Non-2xx or 3xx responses:/ { bad = $5 }
    END { printf "%s %s %s %s\n", rps, p50, p99, (bad == "" ? 0 : bad) }' "$work/wrk"
}

echo "Waybill benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $($JAVA -version 2>&1 | head -n 1)"
echo "wrk -t$WRK_THREADS -c$CONNECTIONS -d$DURATION (after $WARMUP of warm-up per route)"
printf '%-9s %-22s %12s %10s %10s %8s %9s\n' database route requests/s p50 p99 non-2xx vs-health
for backend in "${BACKENDS[@]}"; do
  start_server "$backend"
  base="http://127.0.0.1:$port"
  measure "$base/health" "$WARMUP" >/dev/null
  measure "$base/next-tracking-number?$QUERY" "$WARMUP" >/dev/null
  read -r health_rps health_p50 health_p99 health_bad < <(measure "$base/health" "$DURATION")
  read -r issue_rps issue_p50 issue_p99 issue_bad < <(measure "$base/next-tracking-number?$QUERY" "$DURATION")
  ratio=$(awk -v a="$issue_rps" -v b="$health_rps" 'BEGIN { printf "%.2f", a / b }')
  printf '%-9s %-22s %12s %10s %10s %8s %9s\n' "$backend" /health "$health_rps" "$health_p50" "$health_p99" "$health_bad" 1.00
  printf '%-9s %-22s %12s %10s %10s %8s %9s\n' "$backend" /next-tracking-number "$issue_rps" "$issue_p50" "$issue_p99" "$issue_bad" "$ratio"
  stop_server
  if [ "$backend" = h2 ]; then
    echo "h2 files after the run: $(du -sh "$work/data-h2" | cut -f1)"
  fi
  if [ -n "$schema" ]; then
    psql -h 127.0.0.1 -U "$POSTGRES_USER" -d test -qc "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1
    schema=""
  fi
done
