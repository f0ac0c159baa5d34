#!/usr/bin/env bash
# The rate limiter's own cost per request, by JMH: RateLimitingBenchmark (adapters-http: the client behind a trusted
# proxy, its bucket's name, the RateLimit fields written and encoded; against the route alone, in nanoseconds) and
# TokenBucketsBenchmark (adapters-cache: a request's worth of CPU work, about a cached lookup's, alone and with a
# take from a bucket in this process or shared in Redis, for 10,000 clients at the default limits; CPU time of the
# process and the Redis server per request). The first over a route's CPU time per request (bench/run.sh limits
# prints it) plus the second's share is what limits cost that route.
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
# CPU time per operation, this process's and the Redis server's (settlements run on a thread of their own), and
# what a take adds to a request's: the limited benchmark's over the request alone, per store.
awk '$1 ~ /:(cpuNanos|operations)$/ { split($1, name, ":"); total[name[1] " " $2 " " name[2]] = $(NF - 1) }
  END {
    split("in-process redis", stores, " ")
    for (i = 1; i <= 2; i++) {
      s = stores[i]
      base = total["TokenBucketsBenchmark.request " s " cpuNanos"] / total["TokenBucketsBenchmark.request " s " operations"]
      limited = total["TokenBucketsBenchmark.limited " s " cpuNanos"] / total["TokenBucketsBenchmark.limited " s " operations"]
      printf "CPU a request, %-10s alone %6.0f ns, with a take %6.0f ns: the take adds %4.0f ns, %5.2f %%\n",
        s, base, limited, limited - base, 100 * (limited - base) / base
    }
  }' "$out"
