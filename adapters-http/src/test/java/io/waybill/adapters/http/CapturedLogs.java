package io.waybill.adapters.http;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/** Every line logged while it is open, with its arguments and whole throwable, as one text to search. */
final class CapturedLogs implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    CapturedLogs() {
        appender.start();
        root.addAppender(appender);
    }

    /** How many lines carry a throwable. */
    long withThrowable() {
        return events().stream().filter(event -> event.getThrowableProxy() != null).count();
    }

    /** Each line's request id from the MDC, null where it had none. */
    java.util.List<String> requestIds() {
        return appender.list.stream().map(event -> event.getMDCPropertyMap().get(RequestIds.LOG_KEY)).toList();
    }

    int lines() {
        return events().size();
    }

    /** The lines as they would be written, each followed by its throwable's messages and frames. */
    String text() {
        return events().stream().map(CapturedLogs::render).collect(Collectors.joining("\n"));
    }

    // A copy taken under the appender's lock, which its doAppend holds while it adds: other threads may be logging.
    private List<ILoggingEvent> events() {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    private static String render(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(event.getLevel() + " " + event.getLoggerName() + " - "
                + event.getFormattedMessage());
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.append('\n').append(ThrowableProxyUtil.asString(thrown));
        }
        return line.toString();
    }

    /** A throwable as a log would print it: its type and message, its causes' and its frames. */
    static String render(Throwable thrown) {
        java.io.StringWriter text = new java.io.StringWriter();
        thrown.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
