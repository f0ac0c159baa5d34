#!/usr/bin/env bash
# Measures /health and a cached lookup while slowhttptest holds ATTACKERS slow-body connections open against
# POST /shipment/ (the legacy lookup, open to anyone), all from 127.0.0.1: the probe client shares the attackers'
# address. Prints p50 and p99 of both routes with no attack, then under the attack, for each JDK.
#
#   bash bench/slowbody.sh                                     # JDK 17 (java on PATH) and JDK 25
#   JAVAS="java" ATTACKERS=300 bash bench/slowbody.sh
#   JAR=/tmp/old/waybill.jar bash bench/slowbody.sh            # measure another build
#
# Settings: JAVAS (the java commands to compare: "java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java"), JAR
# (bootstrap/target/waybill.jar, built when missing), ATTACKERS (1000), DURATION (10s a measurement), WARMUP (20s a
# route), CONNECTIONS (8, wrk's), SHIPMENTS (200), BODY_TIMEOUT_MS (WAYBILL_HTTP_BODY_TIMEOUT_MS for the run: 120000,
# so that the attackers stay connected for every measurement rather than being answered 408 after 15 s).
set -euo pipefail
cd "$(dirname "$0")/.."

JAVAS=${JAVAS:-java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
JAR=${JAR:-bootstrap/target/waybill.jar}
ATTACKERS=${ATTACKERS:-1000}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-20s}
CONNECTIONS=${CONNECTIONS:-8}
SHIPMENTS=${SHIPMENTS:-200}
BODY_TIMEOUT_MS=${BODY_TIMEOUT_MS:-120000}
API_KEY="bench-key-$RANDOM$RANDOM$RANDOM$RANDOM"

# 1,000 connections need more than the usual 1,024 descriptors, in the server and in slowhttptest.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((ATTACKERS + 200)) ]; then
  echo "ulimit -n is $(ulimit -n); $ATTACKERS attackers need more" >&2
  exit 1
fi
for tool in wrk slowhttptest; do
  if ! command -v "$tool" >/dev/null; then
    echo "installing $tool"
    apt-get update -qq && apt-get install -y -qq "$tool" >/dev/null
  fi
done
if [ ! -f "$JAR" ]; then
  ./mvnw -q -B package -DskipTests
fi

work=$(mktemp -d)
server=""
attack=""
cleanup() {
  if [ -n "$attack" ]; then kill "$attack" 2>/dev/null || true; wait "$attack" 2>/dev/null || true; fi
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Rate limits off: wrk is one client at full speed, and what is measured here is whether slow bodies take the threads
# that other requests need, not the limiter (which would answer wrk 429 past 50 requests a second).
start_server() { # java
  rm -rf "$work/data"
  WAYBILL_DATA_DIR="$work/data" WAYBILL_API_KEYS="$API_KEY" WAYBILL_HTTP_BODY_TIMEOUT_MS="$BODY_TIMEOUT_MS" WAYBILL_SHUTDOWN_GRACE_MS=0 \
    WAYBILL_RATE_LIMIT_PER_SECOND=0 \
    "$1" -jar "$JAR" serve --host 127.0.0.1 --port 0 >"$work/out" 2>"$work/err" &
  server=$!
  for _ in $(seq 1 300); do
    port=$(sed -n 's/.*listening on http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$work/out")
    [ -n "$port" ] && return 0
    kill -0 "$server" 2>/dev/null || { cat "$work/err"; exit 1; }
    sleep 0.1
  done
  echo "the service did not start" >&2; exit 1
}

stop_server() {
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
}

# Prints "p50 p99 requests non2xx errors" for one wrk run.
measure() { # url duration [wrk options]
  wrk -t1 -c"$CONNECTIONS" -d"$2" --timeout 10s --latency "${@:3}" "$1" >"$work/wrk" 2>&1 || true
  awk '
    /^ +50%/ { p50 = $2 }
    /^ +99%/ { p99 = $2 }
    / requests in / { requests = $1 }
    /Non-2xx or 3xx responses:/ { bad = $5 }
    /Socket errors:/ { errors = $0; sub(/.*Socket errors: /, "", errors); gsub(/ /, "", errors) }
    END {
      if (requests == "" || requests == 0) { p50 = "no-answer"; p99 = "no-answer"; requests = 0 }
      printf "%s %s %s %s %s\n", p50, p99, requests, (bad == "" ? 0 : bad), (errors == "" ? "none" : errors)
    }' "$work/wrk"
}

established() { # connections to the server in state ESTABLISHED (both ends are counted once, on the server side)
  ss -Htn state established "( sport = :$port )" | wc -l
}

row() { # jdk, attack, route, p50, p99, requests, non-2xx, errors
  printf '%-8s %-22s %-10s %9s %9s %9s %8s  %s\n' "$@"
}

routes() { # jdk, attack label
  local base="http://127.0.0.1:$port"
  read -r p50 p99 n bad errors < <(measure "$base/health" "$DURATION")
  row "$1" "$2" /health "$p50" "$p99" "$n" "$bad" "$errors"
  read -r p50 p99 n bad errors < <(NUMBERS="$work/numbers" measure "$base" "$DURATION" -s bench/lookup.lua)
  row "$1" "$2" lookup "$p50" "$p99" "$n" "$bad" "$errors"
}

run() { # java
  local jdk
  jdk=$("$1" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p')
  start_server "$1"
  bash bench/seed.sh "http://127.0.0.1:$port" "$API_KEY" "$SHIPMENTS" "$work/numbers"
  measure "http://127.0.0.1:$port/health" "$WARMUP" >/dev/null
  NUMBERS="$work/numbers" measure "http://127.0.0.1:$port" "$WARMUP" -s bench/lookup.lua >/dev/null
  routes "$jdk" "none"

  local length=$((BODY_TIMEOUT_MS / 1000 + 60))
  slowhttptest -B -c "$ATTACKERS" -r 200 -i 10 -l "$length" -s 8192 -t POST -f application/json \
    -u "http://127.0.0.1:$port/shipment/" -p 3 -v 0 >"$work/slowhttptest" 2>&1 &
  attack=$!
  for _ in $(seq 1 300); do
    [ "$(established)" -ge "$ATTACKERS" ] && break
    sleep 0.1
  done
  local before after
  before=$(established)
  routes "$jdk" "$before slow bodies"
  after=$(established)
  echo "         slow-body connections open: $before before the measurements, $after after"
  kill "$attack" 2>/dev/null || true; wait "$attack" 2>/dev/null || true; attack=""
  stop_server
}

echo "Slow-body benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $JAR"
echo "slowhttptest -B -c $ATTACKERS -r 200 -i 10 -s 8192 -t POST -f application/json -u \$BASE/shipment/"
echo "wrk -t1 -c$CONNECTIONS -d$DURATION --latency (after $WARMUP of warm-up per route), from the same 127.0.0.1"
row jdk attack route p50 p99 requests non-2xx "socket errors"
for java in $JAVAS; do
  run "$java"
done
