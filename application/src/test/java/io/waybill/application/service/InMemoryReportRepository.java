package io.waybill.application.service;

import io.waybill.application.port.out.ReportRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The reports kept in a map, as {@link ReportRepository} says; for tests of the services. Thread-safe. */
final class InMemoryReportRepository implements ReportRepository {

    private final Map<Instant, StoredReport> reports = new TreeMap<>();
    // When each waiting report last failed, for the backlog's last error.
    private final Map<Instant, Instant> failedAt = new TreeMap<>();

    @Override
    public synchronized StoredReport save(Instant slot, Instant periodFrom, byte[] document, Instant madeAt,
            Instant firstAttempt) {
        int run = Optional.ofNullable(reports.get(slot)).map(StoredReport::run).orElse(0) + 1;
        StoredReport kept = new StoredReport(slot, periodFrom, document.clone(), madeAt, run, Optional.empty(),
                Optional.empty(), 0, Optional.empty(), Optional.of(firstAttempt));
        reports.put(slot, kept);
        failedAt.remove(slot);
        return kept;
    }

    @Override
    public synchronized Optional<StoredReport> find(Instant slot) {
        return Optional.ofNullable(reports.get(slot));
    }

    @Override
    public synchronized List<StoredReport> page(Optional<Instant> before, int limit) {
        return reports.values().stream().sorted(Comparator.comparing(StoredReport::slot).reversed())
                .filter(report -> before.map(report.slot()::isBefore).orElse(true)).limit(limit).toList();
    }

    @Override
    public synchronized List<StoredReport> dueForArchive(Instant now, int limit) {
        return reports.values().stream().filter(report -> report.archivedAt().isEmpty())
                .filter(report -> !report.nextAttempt().orElseThrow().isAfter(now)).limit(limit).toList();
    }

    @Override
    public synchronized void archived(Instant slot, int run, String location, Instant at) {
        StoredReport report = reports.get(slot);
        if (report != null && report.run() == run && report.archivedAt().isEmpty()) {
            reports.put(slot, report.archived(location, at));
            failedAt.remove(slot);
        }
    }

    @Override
    public synchronized void archiveFailed(Instant slot, int run, String error, Instant nextAttempt) {
        StoredReport report = reports.get(slot);
        if (report != null && report.run() == run && report.archivedAt().isEmpty()) {
            reports.put(slot, report.failed(error, nextAttempt));
            failedAt.put(slot, Instant.now());
        }
    }

    @Override
    public synchronized Backlog backlog() {
        List<StoredReport> waiting = reports.values().stream().filter(report -> report.archivedAt().isEmpty()).toList();
        Optional<String> lastError = failedAt.entrySet().stream().max(Map.Entry.comparingByValue())
                .flatMap(latest -> reports.get(latest.getKey()).lastError());
        return new Backlog(waiting.size(), waiting.stream().filter(report -> report.attempts() > 0).count(),
                lastError);
    }
}
