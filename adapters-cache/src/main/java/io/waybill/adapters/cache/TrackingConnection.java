package io.waybill.adapters.cache;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.commands.ProtocolCommand;

/**
 * A connection on which Redis reports changes to keys: it turns client tracking on in broadcast mode for a prefix,
 * redirects the reports to itself and subscribes to them. Commands are sent without waiting for their answers, which
 * the listener reads along with the reports. Not thread-safe, except {@link #pingWithoutWaiting}.
 */
final class TrackingConnection extends Connection {

    static final String CHANNEL = "__redis__:invalidate";

    TrackingConnection(HostAndPort server, JedisClientConfig config) {
        super(server, config);
    }

    /** Asks Redis to report every change to a key under {@code namespace} on this connection. */
    void subscribe(String namespace) {
        sendCommand(Protocol.Command.CLIENT, "ID");
        long id = getIntegerReply();
        sendCommand(Protocol.Command.CLIENT, "TRACKING", "ON", "REDIRECT", Long.toString(id), "BCAST", "PREFIX",
                namespace);
        getStatusCodeReply();
        sendNow(Protocol.Command.SUBSCRIBE, CHANNEL);
        List<Object> confirmation = getUnflushedObjectMultiBulkReply();
        if (confirmation.size() != 3 || !"subscribe".equals(new String((byte[]) confirmation.get(0), UTF_8))) {
            throw new IllegalStateException("Redis did not confirm the subscription to " + CHANNEL);
        }
    }

    /** Sends a ping, whose answer the listener reads; a failure shows there. */
    void pingWithoutWaiting() {
        try {
            sendNow(Protocol.Command.PING);
        } catch (RuntimeException e) {
            // the listener sees the connection fail
        }
    }

    private void sendNow(ProtocolCommand command, String... arguments) {
        sendCommand(command, arguments);
        flush();
    }
}
