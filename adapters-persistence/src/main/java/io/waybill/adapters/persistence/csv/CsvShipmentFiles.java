package io.waybill.adapters.persistence.csv;

import io.waybill.application.port.out.ShipmentFileReader;
import io.waybill.application.port.out.ShipmentFileWriter;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * The track-and-trace CSV format as the application's ports for reading and writing files of shipments; public only
 * for {@link io.waybill.adapters.persistence.Persistence}, which hands them out.
 */
public final class CsvShipmentFiles {

    private static final int BUFFER = 1 << 16;

    private CsvShipmentFiles() {}

    /** Reads the format; see {@link ShipmentCsv}. Thread-safe. */
    public static ShipmentFileReader reader() {
        return new CsvShipmentFileReader();
    }

    /** Writes the format in UTF-8, safe to open in a spreadsheet; see {@link ShipmentCsvWriter}. Thread-safe. */
    public static ShipmentFileWriter writer() {
        return bytes -> ShipmentCsvWriter.open(
                new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), BUFFER));
    }
}
