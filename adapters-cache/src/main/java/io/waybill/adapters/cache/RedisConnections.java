package io.waybill.adapters.cache;

import java.net.URI;
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
    @SuppressWarnings("deprecation") // ssl(boolean): its replacement, SslOptions, is for trust stores of one's own
    static JedisClientConfig clientConfig(URI url, CacheSettings settings) {
        int timeout = Math.toIntExact(settings.redisTimeout().toMillis());
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeout)
                .socketTimeoutMillis(timeout)
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
