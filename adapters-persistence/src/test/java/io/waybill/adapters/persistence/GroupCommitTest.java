package io.waybill.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.application.contract.CountingMetrics;
import io.waybill.application.port.out.StorageUnavailableException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private final List<List<Integer>> batches = new CopyOnWriteArrayList<>();

    @Test
    void everyCallerReturnsAfterItsRowIsWritten() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try (GroupCommit<Integer> commit = new GroupCommit<>("test", 1, 64, Duration.ofSeconds(10), batches::add)) {
            List<Future<?>> calls = new ArrayList<>();
            for (int row = 0; row < 1_000; row++) {
                int value = row;
                calls.add(callers.submit(() -> commit.commit(value)));
            }
            for (Future<?> call : calls) {
                call.get(10, TimeUnit.SECONDS);
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(batches.stream().flatMap(List::stream).sorted().toList()).hasSize(1_000).doesNotHaveDuplicates();
        assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(64));
    }

    @Test
    void recordsEachBatchsSizeEachCallersWaitAndWhatIsQueued() throws Exception {
        CountingMetrics metrics = new CountingMetrics();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try (GroupCommit<Integer> commit = new GroupCommit<>("test", 1, 64, Duration.ofSeconds(10), batches::add,
                metrics)) {
            assertThat(metrics.gauge("waybill.db.commit.queued{queue=test}")).isZero();
            List<Future<?>> calls = new ArrayList<>();
            for (int row = 0; row < 200; row++) {
                int value = row;
                calls.add(callers.submit(() -> commit.commit(value)));
            }
            for (Future<?> call : calls) {
                call.get(10, TimeUnit.SECONDS);
            }
        } finally {
            callers.shutdownNow();
        }
        List<Double> sizes = metrics.recorded("waybill.db.commit.batch.size{queue=test}");
        assertThat(sizes).hasSize(batches.size());
        assertThat(sizes.stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(200);
        assertThat(metrics.recorded("waybill.db.commit.wait{queue=test}")).hasSize(200)
                .allSatisfy(nanos -> assertThat(nanos).isPositive());
    }

    @Test
    void aFailedCommitFailsItsCallers() {
        try (GroupCommit<Integer> commit = new GroupCommit<>("test", 1, 64, Duration.ofSeconds(10), batch -> {
            throw new SQLException("connection lost", "08006");
        })) {
            assertThatThrownBy(() -> commit.commit(1))
                    .isInstanceOf(StorageUnavailableException.class)
                    .hasMessageContaining("SQLException [SQLSTATE 08006: connection exception]")
                    .hasMessageNotContaining("connection lost"); // a driver's words may quote values
        }
    }

    @Test
    void onlyTheBadRowFailsWhenOneRowBreaksAConstraint() throws Exception {
        CountDownLatch bothQueued = new CountDownLatch(1);
        BatchWriter<Integer> writer = batch -> {
            bothQueued.await();
            if (batch.contains(13)) {
                throw new SQLException("duplicate key", "23505");
            }
            batches.add(batch);
        };
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try (GroupCommit<Integer> commit = new GroupCommit<>("test", 1, 64, Duration.ofSeconds(10), writer)) {
            Future<?> bad = callers.submit(() -> commit.commit(13));
            Future<?> good = callers.submit(() -> commit.commit(7));
            bothQueued.countDown();

            good.get(10, TimeUnit.SECONDS);
            assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(StorageUnavailableException.class);
        } finally {
            callers.shutdownNow();
        }
        assertThat(batches.stream().flatMap(List::stream).toList()).containsExactly(7);
    }

    @Test
    void aCallerThatGaveUpIsNotWrittenLater() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        BatchWriter<Integer> writer = batch -> {
            if (batch.contains(1)) {
                holding.countDown();
                release.await();
            }
            batches.add(batch);
        };
        ExecutorService callers = Executors.newSingleThreadExecutor();
        try (GroupCommit<Integer> commit = new GroupCommit<>("test", 1, 64, Duration.ofMillis(300), writer)) {
            Future<?> first = callers.submit(() -> commit.commit(1));
            holding.await(); // the only writer is busy with row 1

            assertThatThrownBy(() -> commit.commit(2)).isInstanceOf(StorageUnavailableException.class)
                    .hasMessageContaining("did not commit within");
            release.countDown();
            awaitQuietly(first); // row 1 may or may not have been answered in time; it is written either way
            commit.commit(3);
        } finally {
            callers.shutdownNow();
        }
        assertThat(batches.stream().flatMap(List::stream).toList()).containsExactly(1, 3);
    }

    private static void awaitQuietly(Future<?> call) throws InterruptedException, TimeoutException {
        try {
            call.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException timedOut) {
            // the caller gave up waiting: that is allowed
        }
    }

    @Test
    void closeWritesWhatIsQueuedAndThenRefusesRows() {
        GroupCommit<Integer> commit = new GroupCommit<>("test", 1, 64, Duration.ofSeconds(10), batches::add);
        commit.commit(1);
        commit.close();

        assertThat(batches.stream().flatMap(List::stream).toList()).containsExactly(1);
        assertThatThrownBy(() -> commit.commit(2)).isInstanceOf(StorageUnavailableException.class);
    }
}
