package io.waybill.adapters.cache;

import io.waybill.application.port.out.TokenBuckets.Limit;
import java.net.URI;
import java.util.List;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.RedisClient;

/**
 * Token buckets in Redis, one hash per bucket, {@code <prefix>ratelimit:v1:<name>}, shared by every instance. Every
 * method throws when Redis fails or does not answer in time. Thread-safe.
 */
final class RedisBuckets implements AutoCloseable {

    /** What a take got: {@code granted} tokens (0 when refused), what is left, and the wait for a token if refused. */
    record Taken(long granted, long remaining, long millisToToken) {}

    // Runs alone on the server, so no other instance takes between the read and the write. Redis's own clock, so
    // that instances with skewed clocks share one bucket fairly. The key expires once the bucket would be full again:
    // a new bucket starts full, so nothing is lost, and Redis holds only the clients active lately.
    private static final String TAKE_SCRIPT = """
            local rate = tonumber(ARGV[1])
            local burst = tonumber(ARGV[2])
            local wanted = tonumber(ARGV[3])
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(state[1])
            local at = tonumber(state[2])
            if tokens == nil or at == nil then
              tokens = burst
            elseif now > at then
              tokens = math.min(burst, tokens + (now - at) * rate / 1000)
            end
            local granted = math.min(wanted, math.floor(tokens))
            tokens = tokens - granted
            local wait = 0
            if granted == 0 then
              wait = math.ceil((1 - tokens) * 1000 / rate)
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
            redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) * 1000 / rate) + 1000)
            return {granted, math.floor(tokens), wait}
            """;
    private static final LuaScript TAKE_LUA = LuaScript.of(TAKE_SCRIPT);
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
                .hostAndPort(RedisEntries.server(url))
                .clientConfig(RedisEntries.clientConfig(url, settings))
                .poolConfig(pool)
                .build();
        return new RedisBuckets(client, settings.keyPrefix());
    }

    /** Takes up to {@code wanted} tokens at once, as many as there are. */
    Taken take(String bucket, Limit limit, long wanted) {
        List<String> keys = List.of(namespace + bucket);
        List<String> args = List.of(Long.toString(limit.perSecond()), Long.toString(limit.burst()),
                Long.toString(wanted));
        List<?> values = (List<?>) TAKE_LUA.run(client, keys, args);
        return new Taken((Long) values.get(0), (Long) values.get(1), (Long) values.get(2));
    }

    @Override
    public void close() {
        client.close();
    }

}
