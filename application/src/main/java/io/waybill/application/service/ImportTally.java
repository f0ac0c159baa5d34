package io.waybill.application.service;

import io.waybill.application.port.in.ImportShipmentsUseCase;
import io.waybill.application.port.in.ImportShipmentsUseCase.Rejection;
import io.waybill.application.port.in.ImportShipmentsUseCase.Report;
import java.util.ArrayList;
import java.util.List;

/** What an import did so far. Not thread-safe. */
final class ImportTally {

    private final boolean written;
    private final List<Rejection> listed = new ArrayList<>();
    private long lines;
    private long created;
    private long updated;
    private long unchanged;
    private long rejectedShipments;
    private long rejectedLines;

    ImportTally(boolean written) {
        this.written = written;
    }

    /** Counts one more line read, and returns the count. */
    long read() {
        return ++lines;
    }

    long lines() {
        return lines;
    }

    void created() {
        created++;
    }

    void updated() {
        updated++;
    }

    void unchanged() {
        unchanged++;
    }

    /** A line refused alone. */
    void reject(Rejection rejection) {
        rejectedLines++;
        list(rejection);
    }

    /** Every line of the group, for these reasons. */
    void refuse(ImportGroup group, List<Rejection> reasons) {
        rejectedShipments++;
        rejectedLines += group.lines().size();
        reasons.forEach(this::list);
    }

    /** Adds the counts and rejections of {@code other}, a part of the same import, as if they had come now. */
    void add(ImportTally other) {
        created += other.created;
        updated += other.updated;
        unchanged += other.unchanged;
        rejectedShipments += other.rejectedShipments;
        rejectedLines += other.rejectedLines;
        other.listed.forEach(this::list);
    }

    Report report() {
        return new Report(lines, created, updated, unchanged, rejectedShipments, rejectedLines, listed,
                written);
    }

    private void list(Rejection rejection) {
        if (listed.size() < ImportShipmentsUseCase.MAX_LISTED) {
            listed.add(rejection);
        }
    }
}
