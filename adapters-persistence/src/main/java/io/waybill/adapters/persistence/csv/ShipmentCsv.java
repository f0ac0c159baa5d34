package io.waybill.adapters.persistence.csv;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.waybill.application.port.in.ImportShipmentsUseCase.MalformedFileException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the track-and-trace CSV format, one row per article:
 * {@code tracking_number,carrier,sender_address,receiver_address,article_name,article_quantity,article_price,SKU,status}.
 * UTF-8 (a byte-order mark is skipped), RFC 4180 quoting (commas, quotes and line breaks inside quoted fields), LF or
 * CRLF; columns are found by their header ({@link CsvHeader}), in any order and any case; other columns are ignored;
 * blank lines are skipped. Values are read as written, a formula ({@code =HYPERLINK(...)}) as text; only the
 * {@code '} that {@link ShipmentCsvWriter} puts before a formula's first character is taken away. Streams: one row in
 * memory at a time. Not thread-safe.
 *
 * <p>A file it cannot read as that format fails at once with a {@link MalformedFileException}: empty, not UTF-8, a
 * first line that does not name every column, a quote left open. A row with another number of fields than the header
 * is answered as {@link Malformed}, and reading goes on.
 */
final class ShipmentCsv implements AutoCloseable {

    /** The columns, as the header names them (case aside). */
    enum Column {
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
        String header() {
            return this == SKU ? name() : name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a line of the file is: a {@link Row}, or a {@link Malformed} one. */
    sealed interface Line permits Row, Malformed {

        /** Where the line starts in the file, from 1 for the header. */
        long number();
    }

    /** A row's value in each column, as written, unquoted. */
    record Row(long number, Map<Column, String> values) implements Line {

        String value(Column column) {
            return values.get(column);
        }
    }

    record Malformed(long number, String reason) implements Line {}

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
                .orElseThrow(() -> new MalformedFileException("the file is empty: it needs a header line naming the"
                        + " columns " + CsvHeader.headers(List.of(Column.values())), null));
        this.positions = CsvHeader.positions(header);
        this.width = header.getFieldCount();
    }

    /** Reads the header at once; the stream is closed with this. */
    static ShipmentCsv open(InputStream in) {
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

    /** The next line; empty at the end of the file. */
    Optional<Line> next() {
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
                throw new MalformedFileException("the file is not UTF-8 text: " + notUtf8.getMessage()
                        + " (is it binary, or in another encoding?)", e);
            }
            throw e;
        } catch (CsvParseException e) {
            throwIfError(e);
            // The parser names the line where the row it could not read starts, past blank lines and quoted breaks.
            Matcher started = STARTED_IN_LINE.matcher(String.valueOf(e.getMessage()));
            throw new MalformedFileException("the file cannot be read as CSV " + (started.find()
                    ? "from line " + started.group(1) : "after line " + lastLine) + ": " + rootMessage(e)
                    + " (a quote left open swallows the rest of the file)", e);
        }
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
