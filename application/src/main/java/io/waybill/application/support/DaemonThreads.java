package io.waybill.application.support;

import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads Waybill runs its background work on: named, so that logs and thread dumps say whose they are, and
 * daemons, so that a forgotten one never keeps the JVM alive. Each owner still stops its threads when it closes.
 * Every method is thread-safe, and so are the factories it returns.
 */
public final class DaemonThreads {

    private DaemonThreads() {}

    /** A daemon thread named {@code name} that runs {@code task}; not yet started. */
    public static Thread thread(String name, Runnable task) {
        Objects.requireNonNull(name, "name");
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Makes daemon threads all named {@code name}: for an executor of one thread. */
    public static ThreadFactory named(String name) {
        Objects.requireNonNull(name, "name");
        return task -> thread(name, task);
    }

    /** Makes daemon threads named {@code prefix} followed by 0, 1, 2 and so on, in the order they are made. */
    public static ThreadFactory numbered(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        AtomicInteger next = new AtomicInteger();
        return task -> thread(prefix + next.getAndIncrement(), task);
    }
}
