package io.waybill.adapters.cache;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.RedisClient;

/**
 * Token buckets in Redis, one hash per bucket, {@code <prefix>ratelimit:v1:<name>}, shared by every instance. Every
 * method throws when Redis fails or does not answer in time. Thread-safe.
 */
final class RedisBuckets implements AutoCloseable {

    // Runs alone on the server, so no other instance takes between the read and the write. Redis's own clock, so
    // that instances with skewed clocks share one bucket fairly. Tokens used on credit are counted even when that
    // leaves the bucket below zero: they were granted, and the client waits the debt off. A lease gets at most half of
    // what is left (one token at least): far from its limit a client's lease is large, near it leases shrink to one
    // token, so that tokens leased to one instance are never more than the others can still take. A key expires once
    // its bucket would be full again: a new bucket starts full, so nothing is lost, and Redis holds only the clients
    // active lately. ARGV holds four values a key: rate, burst, used, wanted.
    private static final String SETTLE_SCRIPT = """
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local results = {}
            for i, key in ipairs(KEYS) do
              local rate = tonumber(ARGV[i * 4 - 3])
              local burst = tonumber(ARGV[i * 4 - 2])
              local used = tonumber(ARGV[i * 4 - 1])
              local wanted = tonumber(ARGV[i * 4])
              local state = redis.call('HMGET', key, 'tokens', 'at')
              local tokens = tonumber(state[1])
              local at = tonumber(state[2])
              if tokens == nil or at == nil then
                tokens = burst
              elseif now > at then
                tokens = math.min(burst, tokens + (now - at) * rate / 1000)
              end
              tokens = tokens - used
              local granted = 0
              if tokens >= 1 and wanted > 0 then
                granted = math.min(wanted, math.max(1, math.floor(tokens / 2)))
              end
              tokens = tokens - granted
              local wait = 0
              if granted == 0 and tokens < 1 then
                wait = math.ceil((1 - tokens) * 1000 / rate)
              end
              redis.call('HSET', key, 'tokens', tostring(tokens), 'at', now)
              redis.call('PEXPIRE', key, math.ceil((burst - tokens) * 1000 / rate) + 1000)
              results[#results + 1] = granted
              results[#results + 1] = math.floor(tokens)
              results[#results + 1] = wait
            end
            return results
            """;
    private static final LuaScript SETTLE_LUA = LuaScript.of(SETTLE_SCRIPT);
    private static final int MAX_CONNECTIONS = 16;

    private final RedisClient client;
    private final String namespace;

    private RedisBuckets(RedisClient client, String keyPrefix) {
        this.client = client;
        this.namespace = keyPrefix + "ratelimit:v1:";
    }

    /** Connects lazily: Redis need not be up yet. A pool of its own, so that limits never wait on the cache's. */
    static RedisBuckets connect(URI url, CacheSettings settings) {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(MAX_CONNECTIONS);
        pool.setMaxIdle(MAX_CONNECTIONS);
        pool.setMaxWait(settings.redisTimeout());
        RedisClient client = RedisClient.builder()
                .hostAndPort(RedisConnections.server(url))
                .clientConfig(RedisConnections.clientConfig(url, settings))
                .poolConfig(pool)
                .build();
        return new RedisBuckets(client, settings.keyPrefix());
    }

    /** Settles every claim in one call, answering in the claims' order. */
    List<ClaimOutcome> settle(List<BucketClaim> claims) {
        List<String> keys = new ArrayList<>(claims.size());
        List<String> args = new ArrayList<>(claims.size() * 4);
        for (BucketClaim claim : claims) {
            keys.add(namespace + claim.bucket());
            args.add(Long.toString(claim.limit().perSecond()));
            args.add(Long.toString(claim.limit().burst()));
            args.add(Long.toString(claim.used()));
            args.add(Long.toString(claim.wanted()));
        }
        List<?> values = (List<?>) SETTLE_LUA.run(client, keys, args);
        List<ClaimOutcome> taken = new ArrayList<>(claims.size());
        for (int i = 0; i < values.size(); i += 3) {
            taken.add(new ClaimOutcome((Long) values.get(i), (Long) values.get(i + 1), (Long) values.get(i + 2)));
        }
        return taken;
    }

    @Override
    public void close() {
        client.close();
    }

}
