package io.waybill.application.service;

import io.waybill.application.port.in.ImportShipmentsUseCase.Command;
import io.waybill.application.port.in.ImportShipmentsUseCase.IncompleteImportException;
import io.waybill.application.port.in.ImportShipmentsUseCase.Line;
import io.waybill.application.port.in.ImportShipmentsUseCase.Rejection;
import io.waybill.application.port.in.ImportShipmentsUseCase.Report;
import io.waybill.application.port.in.ImportShipmentsUseCase.Row;
import io.waybill.application.port.in.ImportShipmentsUseCase.Unreadable;
import io.waybill.domain.ShipmentKey;
import io.waybill.domain.StatusMapping;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * One reading of an import's lines: gathers each shipment's rows while up to {@value ImportShipmentsService#WINDOW}
 * shipments are open, and hands the {@value ImportShipmentsService#BATCH} that began first to the writer when one
 * more begins. Used once, by one thread.
 */
final class ImportReading {

    private final StatusMapping mapping;
    private final ImportBatchWriter writer;
    private final ImportTally tally;
    // In the order the shipments began: the first BATCH are the ones to write when the window is full.
    private final Map<ShipmentKey, ImportGroup> open = new LinkedHashMap<>();

    ImportReading(StatusMapping mapping, ImportBatchWriter writer, boolean write) {
        this.mapping = mapping;
        this.writer = writer;
        this.tally = new ImportTally(write);
    }

    /**
     * Reads the lines to their end, or to where they break, and writes what they hold.
     *
     * @throws IncompleteImportException when they break part way
     */
    Report read(Stream<Line> lines, LongConsumer progress) {
        RuntimeException broken = null;
        try (ImportBatches batches = new ImportBatches(tally, writer)) {
            Iterator<Line> iterator = lines.iterator();
            ImportGroup last = null;
            while (true) {
                Line line;
                try {
                    if (!iterator.hasNext()) {
                        break;
                    }
                    line = iterator.next();
                } catch (RuntimeException unreadable) {
                    broken = unreadable;
                    break;
                }
                if (tally.read() % Command.PROGRESS_EVERY == 0) {
                    progress.accept(tally.lines());
                }
                if (line instanceof Unreadable unreadable) {
                    batches.found().reject(new Rejection(unreadable.number(), unreadable.reason()));
                } else if (line instanceof Row row) {
                    last = gather(row, batches).orElse(last);
                }
            }
            // The rows of the shipment read last may go on past a break: it waits for the mended file.
            boolean withheld = broken != null && last != null && open.remove(last.key(), last);
            while (!open.isEmpty()) {
                batches.write(oldest());
            }
            batches.finish();
            if (withheld) {
                tally.refuse(last, List.of(new Rejection(last.lines().get(0), last.key() + ": not imported: the file"
                        + " could not be read past line " + last.lines().get(last.lines().size() - 1)
                        + ", and more rows of this shipment may follow; import it again once the file is mended")));
            }
        }
        progress.accept(tally.lines());
        if (broken != null) {
            throw new IncompleteImportException(tally.report(), broken);
        }
        return tally.report();
    }

    /** The row's shipment, gathering its rows; empty when the row names none. */
    private Optional<ImportGroup> gather(Row row, ImportBatches batches) {
        ShipmentKey key;
        try {
            key = ImportGroup.keyOf(row);
        } catch (IllegalArgumentException e) {
            batches.found().reject(new Rejection(row.number(), e.getMessage()));
            return Optional.empty();
        }
        ImportGroup group = open.get(key);
        if (group == null) {
            if (open.size() >= ImportShipmentsService.WINDOW) {
                batches.write(oldest());
            }
            group = ImportGroup.of(key, mapping);
            open.put(key, group);
        }
        group.add(row);
        return Optional.of(group);
    }

    /** Closes the {@value ImportShipmentsService#BATCH} shipments that began first, and returns them. */
    private List<ImportGroup> oldest() {
        List<ImportGroup> batch = new ArrayList<>(Math.min(ImportShipmentsService.BATCH, open.size()));
        Iterator<ImportGroup> oldest = open.values().iterator();
        while (batch.size() < ImportShipmentsService.BATCH && oldest.hasNext()) {
            batch.add(oldest.next());
            oldest.remove();
        }
        return batch;
    }
}
