package io.waybill.application.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DaemonThreadsTest {

    @Test
    void aThreadIsADaemonOfTheGivenNameThatRunsItsTaskOnceStarted() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        Thread thread = DaemonThreads.thread("waybill-test", ran::countDown);

        assertThat(thread.getName()).isEqualTo("waybill-test");
        assertThat(thread.isDaemon()).isTrue();
        assertThat(thread.getState()).isEqualTo(Thread.State.NEW);
        thread.start();
        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        thread.join(10_000);
    }

    @Test
    void aNamedFactoryGivesEveryThreadTheSameName() {
        ThreadFactory factory = DaemonThreads.named("waybill-background");

        List<Thread> threads = IntStream.range(0, 3).mapToObj(i -> factory.newThread(() -> {})).toList();

        assertThat(threads).extracting(Thread::getName).containsOnly("waybill-background");
        assertThat(threads).allMatch(Thread::isDaemon);
    }

    @Test
    void aNumberedFactoryCountsFromZeroAndEachFactoryCountsOnItsOwn() {
        ThreadFactory writers = DaemonThreads.numbered("shipments-writer-");
        ThreadFactory others = DaemonThreads.numbered("events-writer-");

        assertThat(writers.newThread(() -> {}).getName()).isEqualTo("shipments-writer-0");
        assertThat(writers.newThread(() -> {}).getName()).isEqualTo("shipments-writer-1");
        assertThat(others.newThread(() -> {}).getName()).isEqualTo("events-writer-0");
        assertThat(writers.newThread(() -> {}).isDaemon()).isTrue();
    }

    @Test
    void anExecutorRunsItsTasksOnThreadsOfTheFactory() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor(DaemonThreads.named("waybill-test-executor"));
        try {
            Thread worker = executor.submit(Thread::currentThread).get(10, TimeUnit.SECONDS);

            assertThat(worker.getName()).isEqualTo("waybill-test-executor");
            assertThat(worker.isDaemon()).isTrue();
        } finally {
            executor.shutdownNow();
        }
    }
}
