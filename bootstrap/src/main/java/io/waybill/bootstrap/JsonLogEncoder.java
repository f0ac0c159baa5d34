package io.waybill.bootstrap;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import io.waybill.adapters.http.HttpApi;
import java.nio.charset.StandardCharsets;

/**
 * The command line's logs as one JSON object a line ({@code WAYBILL_LOG_FORMAT=json}, with
 * {@code waybill-logback-json.xml}): {@code time} (ISO-8601, UTC), {@code level}, {@code logger}, {@code thread},
 * {@code message}, then, when there is one, {@code request_id} (the HTTP request being served) and {@code exception}
 * (the stack trace as one string).
 *
 * <p>Why our own and not Logback's {@code JsonEncoder}: that one writes the stack trace as nested objects, the time in
 * epoch milliseconds and the message's template and arguments apart, which log shippers then have to reassemble;
 * logstash-logback-encoder is not available here, and Logback's {@code <if>} would need Janino. Public for Logback's
 * configurator; thread-safe, as it keeps no state.
 */
public final class JsonLogEncoder extends EncoderBase<ILoggingEvent> {

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(256);
        line.append('{');
        field(line, "time", event.getInstant().toString()).append(',');
        field(line, "level", event.getLevel().toString()).append(',');
        field(line, "logger", event.getLoggerName()).append(',');
        field(line, "thread", event.getThreadName()).append(',');
        field(line, "message", event.getFormattedMessage());
        String requestId = event.getMDCPropertyMap().get(HttpApi.REQUEST_ID_LOG_KEY);
        if (requestId != null) {
            field(line.append(','), "request_id", requestId);
        }
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            field(line.append(','), "exception", ThrowableProxyUtil.asString(thrown));
        }
        return line.append("}\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static StringBuilder field(StringBuilder line, String name, String value) {
        line.append('"').append(name).append("\":");
        if (value == null) {
            return line.append("null");
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) && !wellPaired(value, i)) {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        return line.append('"');
    }

    // A lone surrogate would become '?' in UTF-8; escaped, it stays what it was.
    private static boolean wellPaired(String value, int at) {
        char c = value.charAt(at);
        return Character.isHighSurrogate(c)
                ? at + 1 < value.length() && Character.isLowSurrogate(value.charAt(at + 1))
                : at > 0 && Character.isHighSurrogate(value.charAt(at - 1));
    }
}
