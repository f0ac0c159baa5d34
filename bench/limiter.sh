#!/usr/bin/env bash
# The rate limiter's own cost per request, by JMH, in nanoseconds: RateLimitingBenchmark (adapters-http: the client
# behind a trusted proxy, its bucket's name, the RateLimit fields written and encoded; against the route alone) and
# TokenBucketsBenchmark (adapters-cache: a take from a bucket in this process, and from one shared in Redis). Their
# sum, over a route's CPU time per request (bench/run.sh limits prints it), is what limits cost that route.
#
#   bash bench/limiter.sh              # 3 forks x 5 one-second measurements each
#   bash bench/limiter.sh -f 1 -i 3    # quicker; any JMH option
#
# Settings: JAVA (java on PATH), WAYBILL_TEST_REDIS_URL (redis://127.0.0.1:6379).
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA:-java}
out=$(mktemp)
trap 'rm -f "$out"' EXIT

# One reactor run, so that each module's classpath names its siblings' target/classes.
./mvnw -q -B test-compile dependency:build-classpath -pl adapters-http,adapters-cache -am \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
run() { # module, benchmark, JMH options
  "$JAVA" -cp "$1/target/test-classes:$1/target/classes:$(cat "$1/target/bench.classpath")" org.openjdk.jmh.Main \
    "$2" "${@:3}" 2>&1 | grep -v '^[0-9:. ]*\(INFO\|WARN\|DEBUG\)'
}
echo "Waybill limiter benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $($JAVA -version 2>&1 | head -n 1)"
run adapters-http RateLimitingBenchmark "$@" | sed -n '/^Benchmark /,$p'
run adapters-cache TokenBucketsBenchmark "$@" | sed -n '/^Benchmark /,$p' | tee "$out"
# A shared bucket settles on a thread of its own: the process's CPU time per take counts that thread too.
awk '$1 ~ /:cpuNanos$/ { cpu[$2] = $(NF - 1) } $1 ~ /:takes$/ { takes[$2] = $(NF - 1) }
  END { for (s in cpu) printf "CPU time of the whole process per take, %s: %.0f ns\n", s, cpu[s] / takes[s] }' "$out"
