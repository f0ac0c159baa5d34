package io.waybill.adapters.cache;

import java.net.URI;
import java.time.Duration;
import javax.net.ssl.SSLParameters;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;

/**
 * How every connection to the Redis at a {@code redis://} or {@code rediss://} URL is made, by the cache's entries,
 * its reports of changes and the shared rate limits alike.
 */
final class RedisConnections {

    private RedisConnections() {}

    /** The server's host and port. */
    static HostAndPort server(URI url) {
        return new HostAndPort(CacheSettings.host(url), CacheSettings.port(url));
    }

    /** How to connect to the Redis at {@code url}: credentials, database, TLS, and the timeout of the settings. */
    static JedisClientConfig clientConfig(URI url, CacheSettings settings) {
        return clientConfig(url, settings, settings.redisTimeout());
    }

    /**
     * How long a call that no request waits on may take before Redis counts as failed: a second, or two Redis
     * timeouts. On a loaded machine Redis can stall for tens of milliseconds; what runs behind the requests can
     * wait that out rather than give up on Redis for {@code retryAfter}.
     */
    static Duration backgroundTimeout(CacheSettings settings) {
        Duration twoTimeouts = settings.redisTimeout().multipliedBy(2);
        return twoTimeouts.compareTo(Duration.ofSeconds(1)) > 0 ? twoTimeouts : Duration.ofSeconds(1);
    }

    /** The same, with {@code answerTimeout} for each answer; connecting still takes the settings' timeout at most. */
    @SuppressWarnings("deprecation") // ssl(boolean): its replacement, SslOptions, is for trust stores of one's own
    static JedisClientConfig clientConfig(URI url, CacheSettings settings, Duration answerTimeout) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(Math.toIntExact(settings.redisTimeout().toMillis()))
                .socketTimeoutMillis(Math.toIntExact(answerTimeout.toMillis()))
                .database(CacheSettings.database(url))
                .ssl(CacheSettings.isTls(url))
                .clientName("waybill-cache");
        if (CacheSettings.isTls(url)) {
            // The JDK's trust store, and the host name checked against the certificate (Jedis' default, made plain).
            SSLParameters tls = new SSLParameters();
            tls.setEndpointIdentificationAlgorithm("HTTPS");
            config.sslParameters(tls);
        }
        CacheSettings.user(url).ifPresent(config::user);
        CacheSettings.password(url).ifPresent(config::password);
        return config.build();
    }
}
