#!/usr/bin/env bash
# What an issued number's row costs SQLite, by index (bench/engines/InsertCost.java): the unique index on the random
# tracking numbers against the three listing indexes, whose keys grow with time.
#
#   bash bench/insert-cost.sh                 # all, no-listing, no-unique, none; about a minute
#   bash bench/insert-cost.sh all no-unique
set -euo pipefail
cd "$(dirname "$0")/.."
m2=$HOME/.m2/repository
version=$(sed -n 's:.*<sqlite-jdbc.version>\(.*\)</sqlite-jdbc.version>.*:\1:p' pom.xml)
jar="$m2/org/xerial/sqlite-jdbc/$version/sqlite-jdbc-$version.jar"
[ -f "$jar" ] || ./mvnw -q -B dependency:get -Dartifact="org.xerial:sqlite-jdbc:$version"
java -cp "$jar" bench/engines/InsertCost.java "$@"
