package io.waybill.adapters.cache;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.waybill.application.support.DaemonThreads;
import io.waybill.domain.TrackingCode;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
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
import redis.clients.jedis.Protocol;
import redis.clients.jedis.commands.ProtocolCommand;

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
    private static final String CHANNEL = "__redis__:invalidate";
    private static final byte[] MESSAGE = "message".getBytes(UTF_8);

    private final HostAndPort server;
    private final JedisClientConfig config;
    private final String namespace;
    private final NearCache near;
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
            try (Listening opened = new Listening(server, config)) {
                connection = opened;
                subscribe(opened);
                if (closed) {
                    return;
                }
                near.open();
                if (failing) {
                    LOG.info("Redis reports its changes to this process again; the near cache is back on");
                    failing = false;
                }
                ScheduledFuture<?> pings = pinger.scheduleAtFixedRate(() -> ping(opened), 0,
                        silence.toNanos() / 4, TimeUnit.NANOSECONDS);
                try {
                    while (!closed) {
                        handle(opened.getUnflushedObject());
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

    private void subscribe(Listening opened) {
        opened.sendCommand(Protocol.Command.CLIENT, "ID");
        long id = opened.getIntegerReply();
        opened.sendCommand(Protocol.Command.CLIENT, "TRACKING", "ON", "REDIRECT", Long.toString(id), "BCAST",
                "PREFIX", namespace);
        opened.getStatusCodeReply();
        opened.sendNow(Protocol.Command.SUBSCRIBE, CHANNEL);
        List<Object> confirmation = opened.getUnflushedObjectMultiBulkReply();
        if (confirmation.size() != 3 || !"subscribe".equals(new String((byte[]) confirmation.get(0), UTF_8))) {
            throw new IllegalStateException("Redis did not confirm the subscription to " + CHANNEL);
        }
    }

    private static void ping(Listening opened) {
        try {
            opened.sendNow(Protocol.Command.PING);
        } catch (RuntimeException e) {
            // the listener sees the connection fail
        }
    }

    // A report is ["message", channel, keys], where keys is null for a flush; the pings' answers are ["pong", ""].
    private void handle(Object reply) {
        if (!(reply instanceof List<?> parts) || parts.size() != 3 || !(parts.get(0) instanceof byte[] kind)
                || !Arrays.equals(kind, MESSAGE)) {
            return;
        }
        if (!(parts.get(2) instanceof List<?> keys)) {
            near.evictAll();
            return;
        }
        for (Object key : keys) {
            String name = new String((byte[]) key, UTF_8);
            if (name.startsWith(namespace)) {
                try {
                    near.evict(new TrackingCode(name.substring(namespace.length())));
                } catch (IllegalArgumentException notANumber) {
                    // a key of the namespace that this cache never writes, so never holds
                }
            }
        }
    }

    /** A connection that sends a command without waiting for its answer, which the listener reads. */
    private static final class Listening extends Connection {

        Listening(HostAndPort server, JedisClientConfig config) {
            super(server, config);
        }

        void sendNow(ProtocolCommand command, String... arguments) {
            sendCommand(command, arguments);
            flush();
        }
    }
}
