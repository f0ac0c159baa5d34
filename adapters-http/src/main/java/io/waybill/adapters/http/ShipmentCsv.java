package io.waybill.adapters.http;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.waybill.application.port.in.ImportShipmentsUseCase;
import io.waybill.domain.Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads the track-and-trace CSV format, one row per article:
 * {@code tracking_number,carrier,sender_address,receiver_address,article_name,article_quantity,article_price,SKU,status}.
 * UTF-8 (a byte-order mark is skipped), RFC 4180 quoting (commas, quotes and line breaks inside quoted fields), LF or
 * CRLF; columns are found by their header, in any order and any case; other columns are ignored; blank lines are
 * skipped. Values are read as written, a formula ({@code =HYPERLINK(...)}) as text; only the {@code '} that
 * {@link ShipmentCsvWriter} puts before a formula's first character is taken away. Streams: one row in memory at a
 * time. Not thread-safe.
 *
 * <p>A file it cannot read as that format fails at once with a {@link FormatException}: empty, not UTF-8, a first
 * line that does not name every column, a quote left open. A row with another number of fields than the header is
 * answered as {@link Malformed}, and reading goes on.
 */
public final class ShipmentCsv implements AutoCloseable {

    /** The columns, as the header names them (case aside). */
    public enum Column {
        TRACKING_NUMBER,
        CARRIER,
        SENDER_ADDRESS,
        RECEIVER_ADDRESS,
        ARTICLE_NAME,
        ARTICLE_QUANTITY,
        ARTICLE_PRICE,
        SKU,
        STATUS;

        /** As the sample files spell it; the reader ignores case. */
        public String header() {
            return this == SKU ? name() : name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a line of the file is: a {@link Row}, or a {@link Malformed} one. */
    public sealed interface Line permits Row, Malformed {

        /** Where the line starts in the file, from 1 for the header. */
        long number();
    }

    /** A row's value in each column, as written, unquoted. */
    public record Row(long number, Map<Column, String> values) implements Line {

        public String value(Column column) {
            return values.get(column);
        }
    }

    public record Malformed(long number, String reason) implements Line {}

    /** The file is not of this format; the message says why and where. */
    public static final class FormatException extends RuntimeException {

        FormatException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Pattern STARTED_IN_LINE = Pattern.compile("started in line (\\d+)");

    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> records;
    private final Map<Column, Integer> positions;
    private final int width;
    private long lastLine = 1;

    private ShipmentCsv(CsvReader<CsvRecord> reader) {
        this.reader = reader;
        this.records = reader.iterator();
        CsvRecord header = nextRecord()
                .filter(record -> !String.join("", record.getFields()).replace("\uFEFF", "").isBlank())
                .orElseThrow(() -> new FormatException("the file is empty: it needs a header line naming the columns "
                        + headers(List.of(Column.values())), null));
        this.positions = positions(header);
        this.width = header.getFieldCount();
    }

    /** Reads the header at once; the stream is closed with this. */
    public static ShipmentCsv open(InputStream in) {
        Utf8Reader text = new Utf8Reader(in);
        CsvReader<CsvRecord> reader = CsvReader.builder()
                .skipEmptyLines(true)
                .allowMissingFields(true)
                .allowExtraFields(true)
                .ofCsvRecord(text);
        try {
            return new ShipmentCsv(reader);
        } catch (RuntimeException e) {
            closeQuietly(reader);
            throw e;
        }
    }

    /**
     * The lines of {@code in} as the import reads them, the header read at once; closing the stream closes
     * {@code in}. The stream throws {@link FormatException} where the file stops being readable.
     */
    public static Stream<ImportShipmentsUseCase.Line> importLines(InputStream in) {
        ShipmentCsv csv = open(in);
        Iterator<ImportShipmentsUseCase.Line> lines = new Iterator<>() {
            // Read when asked for, not ahead: a line read ahead would be lost when the one after it fails to read.
            private Optional<Line> next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = csv.next();
                }
                return next.isPresent();
            }

            @Override
            public ImportShipmentsUseCase.Line next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Line line = next.get();
                next = null;
                if (line instanceof Row row) {
                    return new ImportShipmentsUseCase.Row(row.number(), row.value(Column.TRACKING_NUMBER),
                            row.value(Column.CARRIER), row.value(Column.SENDER_ADDRESS),
                            row.value(Column.RECEIVER_ADDRESS), row.value(Column.ARTICLE_NAME),
                            row.value(Column.ARTICLE_QUANTITY), row.value(Column.ARTICLE_PRICE),
                            row.value(Column.SKU), row.value(Column.STATUS));
                }
                Malformed malformed = (Malformed) line;
                return new ImportShipmentsUseCase.Unreadable(malformed.number(), malformed.reason());
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(lines, Spliterator.ORDERED), false)
                .onClose(csv::close);
    }

    /** The next line; empty at the end of the file. */
    public Optional<Line> next() {
        return nextRecord().map(this::line);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Line line(CsvRecord record) {
        if (record.getFieldCount() != width) {
            long start = record.getStartingLineNumber();
            // A quote left open takes the file's last line break into its field too.
            long end = start + String.join(",", record.getFields()).replaceFirst("\\r?\\n$", "").chars()
                    .filter(c -> c == '\n').count();
            return new Malformed(start, "has " + record.getFieldCount() + " fields where the header has " + width
                    + (end == start
                            ? " (a comma too many or too few, or a quote in the wrong place)"
                            : "; its quoted text runs to line " + end + ", so a quote is probably left open, and"
                                    + " lines " + start + " to " + end + " are this one line"));
        }
        Map<Column, String> values = new EnumMap<>(Column.class);
        // A leading ' that the writer put before a formula's first character is not part of the value.
        positions.forEach((column, position) ->
                values.put(column, FormulaGuard.restored(record.getField(position))));
        return new Row(record.getStartingLineNumber(), values);
    }

    private Optional<CsvRecord> nextRecord() {
        try {
            if (!records.hasNext()) {
                return Optional.empty();
            }
            CsvRecord record = records.next();
            lastLine = record.getStartingLineNumber();
            return Optional.of(record);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof Utf8Reader.NotUtf8Exception notUtf8) {
                throw new FormatException("the file is not UTF-8 text: " + notUtf8.getMessage()
                        + " (is it binary, or in another encoding?)", e);
            }
            throw e;
        } catch (CsvParseException e) {
            throwIfError(e);
            // The parser names the line where the row it could not read starts, past blank lines and quoted breaks.
            Matcher started = STARTED_IN_LINE.matcher(String.valueOf(e.getMessage()));
            throw new FormatException("the file cannot be read as CSV " + (started.find()
                    ? "from line " + started.group(1) : "after line " + lastLine) + ": " + rootMessage(e)
                    + " (a quote left open swallows the rest of the file)", e);
        }
    }

    private static Map<Column, Integer> positions(CsvRecord header) {
        Map<String, Integer> named = new HashMap<>();
        for (int i = 0; i < header.getFieldCount(); i++) {
            String name = header.getField(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
            if (named.putIfAbsent(name, i) != null && !name.isEmpty()) {
                throw new FormatException("the header names the column " + name + " twice", null);
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
            throw new FormatException("the header lacks the columns " + headers(missing) + "; it must name "
                    + headers(List.of(Column.values())) + ", and it reads: " + shown(header), null);
        }
        return positions;
    }

    private static String headers(List<Column> columns) {
        return columns.stream().map(Column::header).collect(Collectors.joining(","));
    }

    private static String shown(CsvRecord header) {
        return Text.quote(String.join(",", header.getFields()));
    }

    // The parser wraps whatever it meets, an OutOfMemoryError too: that is a crash, not a file in another format.
    private static void throwIfError(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof Error error) {
                throw error;
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static void closeQuietly(CsvReader<?> reader) {
        try {
            reader.close();
        } catch (IOException | RuntimeException e) {
            // already failing
        }
    }
}
