#!/usr/bin/env bash
# Measures the data paths of issue 4 on PostgreSQL, each command in a JVM of its own with -Xmx256m:
#
#   1. waybill fake --csv: a file of ROWS rows (1,000,000) in the import format
#   2. waybill import of that file into an empty schema          (goal: <= 30 s)
#   3. waybill import of the same file again: everything unchanged
#   3b. waybill import --strict of that file into another empty schema (all or nothing)
#   4. waybill fake --count SHIPMENTS (1,000,000) straight into another empty schema
#
# and prints, for each, the wall time, the rows or shipments per second and the peak resident memory of the process
# (/usr/bin/time's maximum RSS; the heap is capped by -Xmx).
#
#   bash bench/import.sh
#   ROWS=200000 SHIPMENTS=100000 bash bench/import.sh     # a quicker run
#
# Settings: ROWS, SHIPMENTS, SEED (1), JAVA (java on PATH), HEAP (256m), JAVA_OPTS, POSTGRES_URL
# (jdbc:postgresql://127.0.0.1:5432/test), POSTGRES_USER (postgres), JAR (bootstrap/target/waybill.jar, built when
# missing; another build's jar measures that build).
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${ROWS:-1000000}
SHIPMENTS=${SHIPMENTS:-1000000}
SEED=${SEED:-1}
JAVA=${JAVA:-java}
HEAP=${HEAP:-256m}
JAVA_OPTS=${JAVA_OPTS:-}
POSTGRES_URL=${POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432/test}
POSTGRES_USER=${POSTGRES_USER:-postgres}
JAR=${JAR:-bootstrap/target/waybill.jar}

if [ ! -f "$JAR" ]; then
  ./mvnw -q -B package -DskipTests
fi

work=$(mktemp -d)
schemas=()
cleanup() {
  for schema in "${schemas[@]}"; do
    psql -h 127.0.0.1 -U "$POSTGRES_USER" -d test -qc "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

# run NAME COUNT UNIT SCHEMA ARGS...: runs waybill with -Xmx$HEAP and prints its figures.
run() {
  local name=$1 count=$2 unit=$3 schema=$4
  shift 4
  local started ended
  started=$(date +%s.%N)
  WAYBILL_DATABASE_URL="$POSTGRES_URL" WAYBILL_DATABASE_USER="$POSTGRES_USER" WAYBILL_DATABASE_SCHEMA="$schema" \
    /usr/bin/time -f "%M" -o "$work/rss" "$JAVA" -Xmx"$HEAP" $JAVA_OPTS -jar "$JAR" "$@" \
    >"$work/out" 2>"$work/err" || { cat "$work/out" "$work/err" >&2; return 1; }
  ended=$(date +%s.%N)
  sed 's/^/    /' "$work/out"
  awk -v name="$name" -v count="$count" -v unit="$unit" -v s="$started" -v e="$ended" -v rss="$(tail -n 1 "$work/rss")" \
    'BEGIN { t = e - s; printf "%-34s %6.1f s  %9.0f %s/s  peak RSS %4.0f MiB\n", name, t, count / t, unit, rss / 1024 }'
}

schema() {
  local name="bench_import_$$_$1"
  schemas+=("$name")
  echo "$name"
}

file="$work/shipments.csv"
# A shipment has 1.7 rows on average: enough shipments for ROWS rows, then the file is cut after row ROWS.
generated=$((ROWS * 10 / 17 + 1000))
echo "JVM: $("$JAVA" -version 2>&1 | head -n 1)"
run "fake --csv ($generated shipments)" "$generated" shipments none fake --count "$generated" --seed "$SEED" \
  --csv "$work/all.csv" --quiet
head -n $((ROWS + 1)) "$work/all.csv" >"$file"
rm "$work/all.csv"
echo "file: $(($(wc -l <"$file") - 1)) rows, $(du -m "$file" | cut -f1) MiB"
imported=$(schema imported)
run "import, empty schema" "$ROWS" rows "$imported" import "$file" --quiet
run "import again, all unchanged" "$ROWS" rows "$imported" import "$file" --quiet
run "import --strict, empty schema" "$ROWS" rows "$(schema strict)" import "$file" --strict --quiet
run "fake --count $SHIPMENTS (database)" "$SHIPMENTS" shipments "$(schema faked)" fake --count "$SHIPMENTS" \
  --seed "$SEED" --quiet
