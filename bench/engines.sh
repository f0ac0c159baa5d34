#!/usr/bin/env bash
# The embedded-database study of issue 12: the real shipments table (V1 and V2, all columns and indexes; SQLite's
# types adapted) in H2 with several settings, SQLite in WAL mode and PostgreSQL, 100,000 rows shaped like issued
# numbers in commits of 32 rows, from 1 thread and from 8; for each, rows/s, bytes a row while open, after a clean
# close and after reopening, whether rows committed before a kill -9 are all there, and whether a second process
# can insert at the same time. Prints one line a result ("R ...").
#
#   bash bench/engines.sh                        # every engine, about 3 minutes
#   bash bench/engines.sh h2 sqlite-normal pg    # some (h2 h2-nockpt h2-rt0 h2-rt0-as h2-mct h2-sc h2-rt0-sc
#                                                #       sqlite-normal sqlite-full pg)
#   MODE=kill bash bench/engines.sh h2-rt0 5     # the kill -9 test alone, 5 times
#
# PostgreSQL at 127.0.0.1:5432 (user postgres, database test, schema engine_study, dropped after).
set -euo pipefail
cd "$(dirname "$0")/.."
m2=$HOME/.m2/repository
version() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" pom.xml | head -n 1; }
sqlite=org/xerial/sqlite-jdbc/3.54.1.0/sqlite-jdbc-3.54.1.0.jar
if [ ! -f "$m2/$sqlite" ]; then
  ./mvnw -q -B dependency:get -Dartifact=org.xerial:sqlite-jdbc:3.54.1.0
fi
if [ ! -f "$m2/com/h2database/h2/$(version h2.version)/h2-$(version h2.version).jar" ]; then
  ./mvnw -q -B package -DskipTests # fetches the drivers the build uses
fi
cp="$m2/com/h2database/h2/$(version h2.version)/h2-$(version h2.version).jar"
cp+=":$m2/org/postgresql/postgresql/$(version postgresql.version)/postgresql-$(version postgresql.version).jar"
cp+=":$m2/$sqlite"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -Xmx256m -Dstudy.work="$work" -Dstudy.source="$PWD/bench/engines/Study.java" -cp "$cp" \
  bench/engines/Study.java "${MODE:-all}" "$@"
