package io.waybill.adapters.cache;

import io.waybill.application.support.DaemonThreads;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;

/**
 * Keeps a {@link NearCache} coherent with Redis. A connection of its own asks Redis to report every change to a key
 * of the cache (server-assisted client tracking, Redis 6 or later: {@code CLIENT TRACKING ON BCAST PREFIX}, the
 * reports redirected to the connection itself, which subscribes to {@code __redis__:invalidate}), and evicts the
 * number of each key reported. Redis reports writes, deletions, expiries and evictions alike, from every client, and
 * a flush of the database as one report without keys, which evicts everything.
 *
 * <p>The near cache is open only while this connection is known to be alive. It is pinged every quarter of
 * {@code silence}; when nothing arrives for {@code silence} the connection counts as lost. When it is lost, the near
 * cache is shut (and emptied, since reports may have been missed), and a new connection is tried every
 * {@code retryAfter}; one warning is logged for each time reports stop, including on a server that refuses
 * tracking.
 */
final class RedisInvalidations implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisInvalidations.class);

    private final HostAndPort server;
    private final JedisClientConfig config;
    private final String namespace;
    private final NearCache near;
    private final InvalidationReports reports;
    private final Duration silence;
    private final Duration retryAfter;
    private final Thread listener;
    private final ScheduledExecutorService pinger;
    private volatile boolean closed;
    private volatile Connection connection;

    private RedisInvalidations(HostAndPort server, JedisClientConfig config, String namespace, NearCache near,
            Duration silence, Duration retryAfter) {
        this.server = server;
        // RESP2, whose reports come as messages of the subscription; the read timeout notices the silence.
        this.config = DefaultJedisClientConfig.builder().from(config).resp2()
                .socketTimeoutMillis(Math.toIntExact(silence.toMillis())).build();
        this.namespace = namespace;
        this.near = near;
        this.reports = new InvalidationReports(namespace, near);
        this.silence = silence;
        this.retryAfter = retryAfter;
        this.listener = DaemonThreads.thread("waybill-cache-invalidations", this::listen);
        this.pinger =
                Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("waybill-cache-invalidations-ping"));
    }

    /**
     * Starts listening for changes to the keys under {@code namespace} on {@code server}, connecting as
     * {@code config} says; returns at once, with the near cache still shut.
     */
    static RedisInvalidations start(HostAndPort server, JedisClientConfig config, String namespace, NearCache near,
            Duration silence, Duration retryAfter) {
        RedisInvalidations invalidations =
                new RedisInvalidations(server, config, namespace, near, silence, retryAfter);
        invalidations.listener.start();
        return invalidations;
    }

    @Override
    public void close() {
        closed = true;
        pinger.shutdownNow();
        Connection current = connection;
        if (current != null) {
            try {
                current.close(); // ends a blocked read
            } catch (RuntimeException closing) {
                // the listener closed it meanwhile
            }
        }
        listener.interrupt();
        near.shut();
    }
    private void listen() {
        boolean failing = false;
        while (!closed) {
            try (TrackingConnection opened = new TrackingConnection(server, config)) {
                connection = opened;
                opened.subscribe(namespace);
                if (closed) {
                    return;
                }
                near.open();
                if (failing) {
                    LOG.info("Redis reports its changes to this process again; the near cache is back on");
                    failing = false;
                }
                ScheduledFuture<?> pings = pinger.scheduleAtFixedRate(opened::pingWithoutWaiting, 0,
                        silence.toNanos() / 4, TimeUnit.NANOSECONDS);
                try {
                    while (!closed) {
                        reports.handle(opened.getUnflushedObject());
                    }
                } finally {
                    pings.cancel(false);
                }
            } catch (RuntimeException lost) {
                if (!closed && !failing) {
                    LOG.warn("Redis does not report its changes to this process ({}); the near cache is off until it"
                            + " does. Reports need Redis 6 or later, with CLIENT and SUBSCRIBE allowed",
                            lost.getMessage());
                    failing = true;
                }
                LOG.debug("The loss", lost);
            } finally {
                near.shut(); // whatever ended the reports, even an Error, the near cache must not outlive them
            }
            if (!closed) {
                LockSupport.parkNanos(retryAfter.toNanos());
            }
        }
    }
}
