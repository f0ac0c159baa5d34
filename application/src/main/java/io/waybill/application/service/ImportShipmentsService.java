package io.waybill.application.service;

import io.waybill.application.port.in.ImportShipmentsUseCase;
import io.waybill.application.port.out.ShipmentFileReader;
import io.waybill.application.port.out.ShipmentRepository;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.StatusMapping;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads the file once, through the {@link ShipmentFileReader}, gathering each shipment's rows while up to
 * {@value #WINDOW} shipments are open; when one more begins, the {@value #BATCH} that began first are written
 * ({@link ImportReading}). So memory stays bounded whatever the file's size, and the rows of one shipment are gathered
 * whole as long as fewer than {@value #BATCH} other shipments begin between its first row and its last (a file
 * written shipment by shipment always is; rows further apart may make a shipment of their own, which an import then
 * refuses, with the reason). A batch is written ({@link ImportBatchWriter}) on a thread of its own while the next is
 * read ({@link ImportBatches}). Thread-safe.
 *
 * <p>A strict import writes its batches in one transaction ({@link ShipmentRepository#inOneTransaction}), rolled
 * back when any line is bad or the file breaks, so it reads the file once too; it drops the cached entries of what
 * it wrote once that is committed, and keeps their numbers until then.
 */
public final class ImportShipmentsService implements ImportShipmentsUseCase {

    /** How many shipments are written together. */
    static final int BATCH = 1000;
    /** How many shipments may be open, gathering rows, at once. */
    static final int WINDOW = 2 * BATCH;

    private final ShipmentRepository shipments;
    private final ShipmentFileReader files;
    private final ShipmentLookup lookup;
    private final StatusMapping mapping;
    private final Clock clock;

    public ImportShipmentsService(ShipmentRepository shipments, ShipmentFileReader files, ShipmentLookup lookup,
            StatusMapping mapping, Clock clock) {
        this.shipments = shipments;
        this.files = files;
        this.lookup = lookup;
        this.mapping = mapping;
        this.clock = clock;
    }

    @Override
    public Report importShipments(Command command) {
        return switch (command.mode()) {
            case IMPORT -> read(command, shipments, true, lookup::forgetAll);
            case DRY_RUN -> read(command, shipments, false, numbers -> {});
            case STRICT -> strict(command);
        };
    }

    private Report strict(Command command) {
        Set<CarrierTrackingNumber> written = new LinkedHashSet<>();
        Report report;
        try {
            report = shipments.inOneTransaction(transaction -> {
                Report read = read(command, transaction, true, written::addAll);
                if (read.rejectedLines() > 0) {
                    throw new RolledBack(read);
                }
                return read;
            });
        } catch (RolledBack rolledBack) {
            return unwritten(rolledBack.report);
        } catch (IncompleteImportException broken) {
            throw new IncompleteImportException(unwritten(broken.report()), (RuntimeException) broken.getCause());
        }
        List<CarrierTrackingNumber> batch = new ArrayList<>(BATCH);
        for (CarrierTrackingNumber number : written) {
            batch.add(number);
            if (batch.size() == BATCH) {
                lookup.forgetAll(batch);
                batch.clear();
            }
        }
        lookup.forgetAll(batch);
        return report;
    }

    private Report read(Command command, ShipmentRepository repository, boolean write,
            Consumer<Collection<CarrierTrackingNumber>> written) {
        ImportBatchWriter writer = new ImportBatchWriter(repository, clock, write, written);
        try (Stream<Line> lines = files.lines(command.bytes(), command.name())) {
            return new ImportReading(mapping, writer, write).read(lines, command.progress());
        }
    }

    private static Report unwritten(Report report) {
        return new Report(report.lines(), report.created(), report.updated(), report.unchanged(),
                report.rejectedShipments(), report.rejectedLines(), report.rejections(), false);
    }

    /** Rolls a strict import with bad lines back, carrying its report out of the transaction. */
    private static final class RolledBack extends RuntimeException {

        private final transient Report report;

        RolledBack(Report report) {
            super(null, null, false, false);
            this.report = report;
        }
    }
}
