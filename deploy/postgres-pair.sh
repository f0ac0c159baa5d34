#!/usr/bin/env bash
# A private PostgreSQL primary with a streaming replica, on loopback, in a directory of its own: for the local cluster
# (deploy/local-cluster.sh) and the replica's tests. The machine's own PostgreSQL is left alone: its pg_hba.conf has no
# replication line, and PostgreSQL refuses to run as root, so both servers run as the `postgres` user (when this
# script runs as root) from Debian's binaries, made with initdb and pg_basebackup.
#
#   bash deploy/postgres-pair.sh start DIR PRIMARY_PORT REPLICA_PORT   # both up, the replica streaming; prints their URLs
#   bash deploy/postgres-pair.sh stop DIR                              # both stopped (fast shutdown)
#   bash deploy/postgres-pair.sh status DIR                            # which run, and the replica's state
#   bash deploy/postgres-pair.sh stop-replica DIR | start-replica DIR  # the replica alone, to test it down
#
# DIR is made (or reused: a second start starts what is there). Each server keeps its socket in DIR and listens on
# 127.0.0.1 only; authentication is trust for local and loopback connections, as on the machine's own server. The
# primary has a database `test`. PG_BIN overrides where the binaries are (/usr/lib/postgresql/<newest>/bin).
set -euo pipefail

command=${1:?"usage: $0 start DIR PRIMARY_PORT REPLICA_PORT | stop DIR | status DIR | stop-replica DIR | start-replica DIR"}
dir=${2:?"the pair's directory"}
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
[ -x "$PG_BIN/initdb" ] || { echo "no PostgreSQL binaries in '$PG_BIN' (apt-get install postgresql)" >&2; exit 2; }

# Runs a command as the postgres user when this script runs as root; as this user otherwise.
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    su postgres -s /bin/bash -c "$(printf '%q ' "$@")"
  else
    "$@"
  fi
}

server() { # NAME PORT start|stop
  local data="$dir/$1"
  case "$3" in
    start)
      as_postgres "$PG_BIN/pg_ctl" -D "$data" -l "$dir/$1.log" -w -t 60 \
        -o "-p $2 -k $dir -c listen_addresses=127.0.0.1" start >/dev/null ;;
    stop)
      if [ -f "$data/postmaster.pid" ]; then as_postgres "$PG_BIN/pg_ctl" -D "$data" -m fast -w stop >/dev/null; fi ;;
  esac
}

port_of() { # NAME: the port it was last started on
  cat "$dir/$1.port"
}

case "$command" in
  start)
    primary_port=${3:?"the primary's port"}
    replica_port=${4:?"the replica's port"}
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
    echo "$primary_port" >"$dir/primary.port"
    echo "$replica_port" >"$dir/replica.port"
    # Throwaway data: initdb does not sync its files, and the base backup asks for a fast checkpoint (a spread one
    # makes it wait minutes).
    if [ ! -d "$dir/primary" ]; then
      as_postgres "$PG_BIN/initdb" -D "$dir/primary" -A trust -U postgres --no-sync >/dev/null
    fi
    server primary "$primary_port" start
    as_postgres "$PG_BIN/psql" -h 127.0.0.1 -p "$primary_port" -U postgres -d postgres -qAtc \
      "SELECT 1 FROM pg_database WHERE datname = 'test'" | grep -q 1 \
      || as_postgres "$PG_BIN/createdb" -h 127.0.0.1 -p "$primary_port" -U postgres test
    if [ ! -d "$dir/replica" ]; then
      # -R writes standby.signal and the connection to the primary; -X stream copies the WAL made meanwhile.
      as_postgres "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres -D "$dir/replica" -R -X stream -c fast
    fi
    server replica "$replica_port" start
    for _ in $(seq 1 100); do
      state=$(as_postgres "$PG_BIN/psql" -h 127.0.0.1 -p "$primary_port" -U postgres -d postgres -qAtc \
        "SELECT state FROM pg_stat_replication LIMIT 1" 2>/dev/null || true)
      [ "$state" = "streaming" ] && break
      sleep 0.1
    done
    [ "$state" = "streaming" ] || { echo "the replica is not streaming (state '$state'); see $dir/replica.log" >&2; exit 1; }
    echo "primary jdbc:postgresql://127.0.0.1:$primary_port/test"
    echo "replica jdbc:postgresql://127.0.0.1:$replica_port/test"
    ;;
  stop)
    # Each tried whatever the other did: a stale pid file of one leaves the other to stop.
    server replica "" stop || echo "the replica did not stop cleanly" >&2
    server primary "" stop || echo "the primary did not stop cleanly" >&2
    ;;
  stop-replica)
    server replica "" stop
    ;;
  start-replica)
    server replica "$(port_of replica)" start
    ;;
  status)
    for name in primary replica; do
      if [ -f "$dir/$name/postmaster.pid" ] && as_postgres "$PG_BIN/pg_ctl" -D "$dir/$name" status >/dev/null 2>&1; then
        echo "$name: running on port $(port_of "$name")"
      else
        echo "$name: stopped"
      fi
    done
    if [ -f "$dir/primary/postmaster.pid" ]; then
      as_postgres "$PG_BIN/psql" -h 127.0.0.1 -p "$(port_of primary)" -U postgres -d postgres -qAtc \
        "SELECT 'replication: ' || state || ', replay lag ' || coalesce(replay_lag::text, '0') FROM pg_stat_replication" \
        2>/dev/null || true
    fi
    ;;
  *)
    echo "unknown command '$command'" >&2; exit 2 ;;
esac
