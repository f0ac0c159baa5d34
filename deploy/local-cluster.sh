#!/usr/bin/env bash
# Seed 001's topology on loopback, from Debian's packages: HAProxy in front of two `waybill serve` instances, a
# private PostgreSQL primary with a streaming replica (deploy/postgres-pair.sh), and the machine's Redis (under a key
# prefix of its own). It stops everything it started.
#
#   bash deploy/local-cluster.sh start     # everything up; prints the URL and the API key
#   bash deploy/local-cluster.sh status    # each part, and HAProxy's view of the instances
#   bash deploy/local-cluster.sh load      # the load run below, printing its figures
#   bash deploy/local-cluster.sh stop      # everything down, the directory removed
#
# The load run (wrk, 64 connections, through HAProxy), in one go: generation and cached lookups with two instances,
# then with one; generation while an instance is killed (SIGKILL) mid-load and started again; generation while both
# instances are restarted one after the other (SIGTERM, then started again once the other is ready). For each:
# requests/s, p50, p99, failed requests (non-2xx answers and socket errors) and duplicates among the numbers answered.
#
# Settings: CLUSTER_DIR (/tmp/waybill-cluster), CLUSTER_PORT (18080, HAProxy), INSTANCE_PORTS ("18081 18082"),
# PG_PORTS ("55432 55433"), REDIS_URL (redis://127.0.0.1:6379), JAR (bootstrap/target/waybill.jar, built when
# missing), JAVA (java), WAYBILL_COMMAND (how to run waybill: "$JAVA -jar $JAR"; the tests give a class path),
# DURATION (10s a measurement), WARMUP (20s), SHIPMENTS (200, seeded for the lookups).
set -euo pipefail
cd "$(dirname "$0")/.."

CLUSTER_DIR=${CLUSTER_DIR:-/tmp/waybill-cluster}
CLUSTER_PORT=${CLUSTER_PORT:-18080}
read -r -a INSTANCE_PORTS <<<"${INSTANCE_PORTS:-18081 18082}"
read -r PRIMARY_PORT REPLICA_PORT <<<"${PG_PORTS:-55432 55433}"
REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}
JAR=${JAR:-bootstrap/target/waybill.jar}
JAVA=${JAVA:-java}
WAYBILL_COMMAND=${WAYBILL_COMMAND:-"$JAVA -jar $JAR"}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-20s}
SHIPMENTS=${SHIPMENTS:-200}
API_KEY=local-cluster-key-0123456789abcdef
URL="http://127.0.0.1:$CLUSTER_PORT"
QUERY='origin_country_id=MY&destination_country_id=ID&weight=1.234&created_at=2018-11-20T19:29:32%2B08:00&customer_id=de619854-b59b-425e-9db4-943979e1bd49&customer_name=RedBox%20Logistics&customer_slug=redbox-logistics'

need() {
  command -v "$1" >/dev/null || { echo "$1 is missing: apt-get install -y $2" >&2; exit 2; }
}

haproxy_config() {
  cat <<EOF
global
  maxconn 4096
  stats socket $CLUSTER_DIR/haproxy.sock mode 600 level admin

defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s
  # A request whose connection fails, or whose instance closes it unanswered (one killed or stopping), is sent again,
  # to the other instance.
  retries 3
  option redispatch 1
  retry-on conn-failure empty-response response-timeout

frontend waybill
  bind 127.0.0.1:$CLUSTER_PORT
  default_backend instances

backend instances
  balance roundrobin
  # As deploy/haproxy.cfg: a POST that reached an instance is never sent again (it may have registered something).
  http-request disable-l7-retry if METH_POST
  option httpchk GET /ready
  http-check expect status 200
  default-server inter 500ms fall 2 rise 2
EOF
  local i=1
  for port in "${INSTANCE_PORTS[@]}"; do
    echo "  server instance$i 127.0.0.1:$port check"
    i=$((i + 1))
  done
}

instance_env() {
  cat <<EOF
WAYBILL_DATABASE_URL=jdbc:postgresql://127.0.0.1:$PRIMARY_PORT/test
WAYBILL_DATABASE_USER=postgres
WAYBILL_DATABASE_REPLICA_URL=jdbc:postgresql://127.0.0.1:$REPLICA_PORT/test
WAYBILL_REDIS_URL=$REDIS_URL
WAYBILL_REDIS_KEY_PREFIX=waybill-cluster:
WAYBILL_API_KEYS=$API_KEY
WAYBILL_REPORT_STORE=$CLUSTER_DIR/reports
WAYBILL_WEATHER_PROVIDER=none
WAYBILL_RATE_LIMIT_PER_SECOND=0
WAYBILL_SHUTDOWN_GRACE_MS=2000
EOF
}

start_instance() { # INDEX (1-based)
  local port=${INSTANCE_PORTS[$(($1 - 1))]}
  (set -a; source "$CLUSTER_DIR/instance.env"; set +a
   # shellcheck disable=SC2086 # the command's words are split on purpose
   exec $WAYBILL_COMMAND serve --host 127.0.0.1 --port "$port") \
    >>"$CLUSTER_DIR/instance$1.log" 2>&1 &
  echo $! >"$CLUSTER_DIR/instance$1.pid"
  disown $! # killed on purpose later: no job report from bash
}

wait_ready() { # URL
  for _ in $(seq 1 300); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$1/ready")" = 200 ] && return 0
    sleep 0.1
  done
  echo "not ready: $1" >&2; return 1
}

# Waits until HAProxy sees exactly COUNT instances up.
wait_up() { # COUNT
  for _ in $(seq 1 300); do
    [ "$(echo "show stat" | socat - "UNIX-CONNECT:$CLUSTER_DIR/haproxy.sock" 2>/dev/null \
      | awk -F, '$1 == "instances" && $2 ~ /^instance/ && $18 == "UP"' | wc -l)" -eq "$1" ] && return 0
    sleep 0.1
  done
  echo "HAProxy does not see $1 instances up" >&2; return 1
}

stop_instance() { # INDEX SIGNAL
  local file="$CLUSTER_DIR/instance$1.pid"
  [ -f "$file" ] || return 0
  local pid
  pid=$(cat "$file")
  kill "-$2" "$pid" 2>/dev/null || true
  for _ in $(seq 1 300); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then # still there after 30 s: no process is left behind
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

start() {
  need haproxy haproxy
  need socat socat
  need curl curl
  if [ "$WAYBILL_COMMAND" = "$JAVA -jar $JAR" ] && [ ! -f "$JAR" ]; then ./mvnw -B -q package -DskipTests; fi
  mkdir -p "$CLUSTER_DIR"
  trap 'echo "the cluster did not start; stopping what did" >&2; stop' ERR
  chmod 755 "$CLUSTER_DIR" # PostgreSQL runs as the postgres user, in a directory under this one
  bash deploy/postgres-pair.sh start "$CLUSTER_DIR/postgres" "$PRIMARY_PORT" "$REPLICA_PORT" >/dev/null
  instance_env >"$CLUSTER_DIR/instance.env"
  haproxy_config >"$CLUSTER_DIR/haproxy.cfg"
  haproxy -f "$CLUSTER_DIR/haproxy.cfg" -db >>"$CLUSTER_DIR/haproxy.log" 2>&1 &
  echo $! >"$CLUSTER_DIR/haproxy.pid"
  disown $!
  for i in $(seq 1 "${#INSTANCE_PORTS[@]}"); do
    start_instance "$i"
    wait_ready "http://127.0.0.1:${INSTANCE_PORTS[$((i - 1))]}"
  done
  wait_up "${#INSTANCE_PORTS[@]}"
  echo "Waybill cluster at $URL (API key $API_KEY); parts and logs in $CLUSTER_DIR"
}

stop() {
  for i in $(seq 1 "${#INSTANCE_PORTS[@]}"); do
    stop_instance "$i" TERM
  done
  if [ -f "$CLUSTER_DIR/haproxy.pid" ]; then
    kill "$(cat "$CLUSTER_DIR/haproxy.pid")" 2>/dev/null || true
    rm -f "$CLUSTER_DIR/haproxy.pid"
  fi
  if [ -d "$CLUSTER_DIR/postgres" ]; then
    bash deploy/postgres-pair.sh stop "$CLUSTER_DIR/postgres"
  fi
  redis-cli -u "$REDIS_URL" --scan --pattern 'waybill-cluster:*' 2>/dev/null | xargs -r redis-cli -u "$REDIS_URL" del \
    >/dev/null 2>&1 || true
  rm -rf "$CLUSTER_DIR"
}

status() {
  [ -d "$CLUSTER_DIR" ] || { echo "not started"; return 0; }
  bash deploy/postgres-pair.sh status "$CLUSTER_DIR/postgres"
  for i in $(seq 1 "${#INSTANCE_PORTS[@]}"); do
    local port=${INSTANCE_PORTS[$((i - 1))]}
    echo "instance$i (port $port): $(curl -s "http://127.0.0.1:$port/ready" || echo down)"
  done
  echo "HAProxy: $(echo "show stat" | socat - "UNIX-CONNECT:$CLUSTER_DIR/haproxy.sock" 2>/dev/null \
    | awk -F, '$1 == "instances" && $2 ~ /^instance/ { printf "%s %s; ", $2, $18 }')"
}

# Prints "requests/s p50 p99 failed" for one wrk run; wrk's output stays in $CLUSTER_DIR/wrk.
measure() { # URL DURATION
  wrk -t1 -c64 -d"$2" --latency -s deploy/answered.lua "$1" >"$CLUSTER_DIR/wrk" 2>&1
  awk '
    /Requests\/sec:/ { rps = $2 }
    /^ +50%/ { p50 = $2 }
    /^ +99%/ { p99 = $2 }
    /Non-2xx or 3xx responses:/ { bad += $5 }
    /Socket errors:/ { gsub(/,/, ""); bad += $4 + $6 + $8 + $10 }
    END { printf "%s %s %s %d\n", rps, p50, p99, bad }' "$CLUSTER_DIR/wrk"
}

row() { # SCENARIO ROUTE FIGURES [DUPLICATES]
  read -r rps p50 p99 failed <<<"$3"
  printf '%-28s %-24s %12s %9s %9s %7s %11s\n' "$1" "$2" "$rps" "$p50" "$p99" "$failed" "${4:--}"
}

duplicates() {
  sort "$CLUSTER_DIR/answered" | uniq -d | wc -l
}

generation() { # SCENARIO [ACTION...]: measures generation while ACTION runs (in the background of wrk)
  local scenario=$1
  shift
  : >"$CLUSTER_DIR/answered"
  local figures
  if [ "$#" -gt 0 ]; then
    ("$@") >>"$CLUSTER_DIR/actions.log" 2>&1 &
    local action=$!
    figures=$(ANSWERED="$CLUSTER_DIR/answered" measure "$URL/next-tracking-number?$QUERY" "$DURATION")
    wait "$action"
  else
    figures=$(ANSWERED="$CLUSTER_DIR/answered" measure "$URL/next-tracking-number?$QUERY" "$DURATION")
  fi
  row "$scenario" "/next-tracking-number" "$figures" "$(duplicates)"
}

lookups() { # SCENARIO
  row "$1" "lookup (cached)" "$(NUMBERS="$CLUSTER_DIR/numbers" measure "$URL" "$DURATION")"
}

kill_and_restart() { # INDEX: SIGKILL a second in, then started again
  sleep 1
  stop_instance "$1" KILL
  start_instance "$1"
  wait_ready "http://127.0.0.1:${INSTANCE_PORTS[$(($1 - 1))]}"
}

rolling_restart() { # each instance in turn: SIGTERM, started again, ready, seen up by HAProxy
  sleep 1
  for i in $(seq 1 "${#INSTANCE_PORTS[@]}"); do
    stop_instance "$i" TERM
    start_instance "$i"
    wait_ready "http://127.0.0.1:${INSTANCE_PORTS[$((i - 1))]}"
    wait_up "${#INSTANCE_PORTS[@]}"
  done
}

load() {
  need wrk wrk
  [ -f "$CLUSTER_DIR/haproxy.pid" ] || { echo "the cluster is not started: bash $0 start" >&2; exit 1; }
  bash bench/seed.sh "$URL" "$API_KEY" "$SHIPMENTS" "$CLUSTER_DIR/numbers"
  echo "Waybill local cluster, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $("$JAVA" -version 2>&1 | head -n 1)"
  echo "wrk -t1 -c64 -d$DURATION through HAProxy (after $WARMUP of warm-up)"
  measure "$URL/next-tracking-number?$QUERY" "$WARMUP" >/dev/null
  NUMBERS="$CLUSTER_DIR/numbers" measure "$URL" "$WARMUP" >/dev/null
  printf '%-28s %-24s %12s %9s %9s %7s %11s\n' scenario route requests/s p50 p99 failed duplicates
  generation "two instances"
  lookups "two instances"
  stop_instance 2 TERM
  wait_up 1
  generation "one instance"
  lookups "one instance"
  start_instance 2
  wait_ready "http://127.0.0.1:${INSTANCE_PORTS[1]}"
  wait_up 2
  generation "one killed mid-load" kill_and_restart 2
  wait_up 2
  generation "rolling restart of both" rolling_restart
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  load) load ;;
  *) echo "usage: $0 start | status | load | stop" >&2; exit 2 ;;
esac
