package io.waybill.adapters.cache;

import io.waybill.domain.CarrierTrackingNumber;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The cache's keys and values in Redis, and the commands on them. Each number has one key,
 * {@code <prefix>shipments:v1:<number>}, whose value is {@code <generation>:<json>}. Every method throws when Redis
 * fails or does not answer in time. Thread-safe.
 */
final class RedisEntries implements AutoCloseable {

    /** Raised with every change to the stored format, so that values in an older format are never read. */
    static final String FORMAT_VERSION = "v1";

    // Newest wins, atomically: the script runs alone on the server, so no other offer comes between the GET and the
    // SET. Generations stay far below 2^53, where Lua's numbers are exact. A value without a readable generation is
    // replaced.
    private static final String OFFER_SCRIPT = """
            local cached = redis.call('GET', KEYS[1])
            if cached then
              local generation = tonumber(string.match(cached, '^(%d+):'))
              if generation and generation > tonumber(ARGV[1]) then
                return 0
              end
            end
            redis.call('SET', KEYS[1], ARGV[1] .. ':' .. ARGV[2], 'PX', ARGV[3])
            return 1
            """;
    private static final LuaScript OFFER_LUA = LuaScript.of(OFFER_SCRIPT);
    private static final int MAX_GENERATION_DIGITS = 19;
    private static final int BATCH = 500;
    private static final int MAX_CONNECTIONS = 32;

    private final RedisClient client;
    private final String namespace;

    private RedisEntries(RedisClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    /** Connects lazily: Redis need not be up yet. */
    static RedisEntries connect(URI url, CacheSettings settings) {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(MAX_CONNECTIONS);
        pool.setMaxIdle(MAX_CONNECTIONS);
        // A request waits no longer for a free connection than for an answer.
        pool.setMaxWait(settings.redisTimeout());
        RedisClient client = RedisClient.builder()
                .hostAndPort(RedisConnections.server(url))
                .clientConfig(RedisConnections.clientConfig(url, settings))
                .poolConfig(pool)
                .build();
        return new RedisEntries(client, namespace(settings));
    }

    /** What every key of the cache starts with: the settings' prefix, then {@code shipments:} and the format. */
    static String namespace(CacheSettings settings) {
        return settings.keyPrefix() + "shipments:" + FORMAT_VERSION + ":";
    }

    /**
     * The value cached for {@code number}, {@code <generation>:<json>} in UTF-8, to be read from
     * {@link #jsonStart}; empty when nothing is. Bytes, so that the JSON is parsed once, from them.
     */
    Optional<byte[]> read(CarrierTrackingNumber number) {
        return Optional.ofNullable(client.get(key(number).getBytes(StandardCharsets.UTF_8)));
    }

    /** Where the JSON starts in a value that {@link #read} returned: after the generation and its colon. */
    static int jsonStart(byte[] value) {
        int digits = 0;
        while (digits < value.length && digits <= MAX_GENERATION_DIGITS && value[digits] >= '0' && value[digits] <= '9') {
            digits++;
        }
        if (digits == 0 || digits > MAX_GENERATION_DIGITS || digits == value.length || value[digits] != ':') {
            throw new IllegalArgumentException("not a value of the form <generation>:<json>");
        }
        return digits + 1;
    }

    /** Stores {@code json} for {@code number} for {@code ttl}, unless a newer generation is stored. */
    void offer(CarrierTrackingNumber number, long generation, String json, Duration ttl) {
        List<String> keys = List.of(key(number));
        List<String> args = List.of(Long.toString(generation), json, Long.toString(ttl.toMillis()));
        OFFER_LUA.run(client, keys, args);
    }

    void delete(Iterable<CarrierTrackingNumber> numbers) {
        List<String> keys = new ArrayList<>();
        for (CarrierTrackingNumber number : numbers) {
            keys.add(key(number));
            if (keys.size() == BATCH) {
                client.del(keys.toArray(String[]::new));
                keys.clear();
            }
        }
        if (!keys.isEmpty()) {
            client.del(keys.toArray(String[]::new));
        }
    }

    /** Deletes every entry of this cache (this prefix and format), and returns how many. */
    long deleteAll() {
        ScanParams params = new ScanParams().match(namespace + "*").count(1000);
        long deleted = 0;
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = client.scan(cursor, params);
            if (!page.getResult().isEmpty()) {
                deleted += client.unlink(page.getResult().toArray(String[]::new));
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return deleted;
    }

    void ping() {
        client.ping();
    }

    /** Closes the idle connections, which may be dead after an outage, so that the next call opens a new one. */
    void dropIdleConnections() {
        client.getPool().clear();
    }

    String key(CarrierTrackingNumber number) {
        return namespace + number.value();
    }

    @Override
    public void close() {
        client.close();
    }
}
