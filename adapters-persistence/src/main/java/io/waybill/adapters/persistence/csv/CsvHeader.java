package io.waybill.adapters.persistence.csv;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.waybill.adapters.persistence.csv.ShipmentCsv.Column;
import io.waybill.application.port.in.ImportShipmentsUseCase.MalformedFileException;
import io.waybill.domain.Text;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The header line of the track-and-trace CSV format, which names the columns in any order and any case; a byte-order
 * mark and blanks around a name are ignored, and so are columns it does not know.
 */
final class CsvHeader {

    private CsvHeader() {}

    /**
     * Where each column is in the rows.
     *
     * @throws MalformedFileException when a column is missing or named twice
     */
    static Map<Column, Integer> positions(CsvRecord header) {
        Map<String, Integer> named = new HashMap<>();
        for (int i = 0; i < header.getFieldCount(); i++) {
            String name = header.getField(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
            if (named.putIfAbsent(name, i) != null && !name.isEmpty()) {
                throw new MalformedFileException("the header names the column " + name + " twice", null);
            }
        }
        Map<Column, Integer> positions = new EnumMap<>(Column.class);
        List<Column> missing = new ArrayList<>();
        for (Column column : Column.values()) {
            Integer position = named.get(column.header().toLowerCase(Locale.ROOT));
            if (position == null) {
                missing.add(column);
            } else {
                positions.put(column, position);
            }
        }
        if (!missing.isEmpty()) {
            throw new MalformedFileException("the header lacks the columns " + headers(missing) + "; it must name "
                    + headers(List.of(Column.values())) + ", and it reads: "
                    + Text.quote(String.join(",", header.getFields())), null);
        }
        return positions;
    }

    /** The columns' names as a header line writes them. */
    static String headers(List<Column> columns) {
        return columns.stream().map(Column::header).collect(Collectors.joining(","));
    }
}
