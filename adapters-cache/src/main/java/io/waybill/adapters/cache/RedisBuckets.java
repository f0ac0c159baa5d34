package io.waybill.adapters.cache;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.RedisClient;

/**
 * Token buckets in Redis, one hash per bucket, {@code <prefix>ratelimit:v1:<name>}, shared by every instance. Every
 * method throws when Redis fails or does not answer in time. Thread-safe.
 */
final class RedisBuckets implements AutoCloseable {

    // Runs alone on the server, so no other instance changes a bucket between the read and the write. Redis's own
    // clock, so that instances with skewed clocks share one bucket fairly. Tokens used are counted even when that
    // leaves the bucket below zero: they were granted, and the client waits the debt off. A key expires once its
    // bucket would be full again: a new bucket starts full, so nothing is lost, and Redis holds only the clients
    // active lately. ARGV holds three values a key: rate, burst, used.
    private static final String SETTLE_SCRIPT = """
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local results = {}
            for i, key in ipairs(KEYS) do
              local rate = tonumber(ARGV[i * 3 - 2])
              local burst = tonumber(ARGV[i * 3 - 1])
              local used = tonumber(ARGV[i * 3])
              local state = redis.call('HMGET', key, 'tokens', 'at')
              local tokens = tonumber(state[1])
              local at = tonumber(state[2])
              if tokens == nil or at == nil then
                tokens = burst
              elseif now > at then
                tokens = math.min(burst, tokens + (now - at) * rate / 1000)
              end
              tokens = tokens - used
              local wait = 0
              if tokens < 1 then
                wait = math.ceil((1 - tokens) * 1000 / rate)
              end
              redis.call('HSET', key, 'tokens', tostring(tokens), 'at', now)
              redis.call('PEXPIRE', key, math.ceil((burst - tokens) * 1000 / rate) + 1000)
              results[#results + 1] = math.floor(tokens)
              results[#results + 1] = wait
            end
            return results
            """;
    private static final LuaScript SETTLE_LUA = LuaScript.of(SETTLE_SCRIPT);
    private static final int MAX_CONNECTIONS = 2; // the settler is the only caller

    private final RedisClient client;
    private final String namespace;
    private final Duration timeout;

    private RedisBuckets(RedisClient client, String keyPrefix, Duration timeout) {
        this.client = client;
        this.namespace = keyPrefix + "ratelimit:v1:";
        this.timeout = timeout;
    }

    /**
     * Connects lazily: Redis need not be up yet. A pool of its own, so that limits never wait on the cache's. Each
     * call may take {@link RedisConnections#backgroundTimeout}: settlements run behind the requests.
     */
    static RedisBuckets connect(URI url, CacheSettings settings) {
        Duration timeout = RedisConnections.backgroundTimeout(settings);
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(MAX_CONNECTIONS);
        pool.setMaxIdle(MAX_CONNECTIONS);
        pool.setMaxWait(settings.redisTimeout());
        RedisClient client = RedisClient.builder()
                .hostAndPort(RedisConnections.server(url))
                .clientConfig(RedisConnections.clientConfig(url, settings, timeout))
                .poolConfig(pool)
                .build();
        return new RedisBuckets(client, settings.keyPrefix(), timeout);
    }

    /** How long a call may take before it fails. */
    Duration timeout() {
        return timeout;
    }

    /** Settles every claim in one call, answering in the claims' order. */
    List<BucketBalance> settle(List<BucketClaim> claims) {
        List<String> keys = new ArrayList<>(claims.size());
        List<String> args = new ArrayList<>(claims.size() * 3);
        for (BucketClaim claim : claims) {
            keys.add(namespace + claim.bucket());
            args.add(Long.toString(claim.limit().perSecond()));
            args.add(Long.toString(claim.limit().burst()));
            args.add(Long.toString(claim.used()));
        }
        List<?> values = (List<?>) SETTLE_LUA.run(client, keys, args);
        List<BucketBalance> left = new ArrayList<>(claims.size());
        for (int i = 0; i < values.size(); i += 2) {
            left.add(new BucketBalance((Long) values.get(i), (Long) values.get(i + 1)));
        }
        return left;
    }

    @Override
    public void close() {
        client.close();
    }

}
