package io.waybill.adapters.persistence.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.adapters.persistence.csv.ShipmentCsv.Column;
import io.waybill.adapters.persistence.csv.ShipmentCsv.Line;
import io.waybill.adapters.persistence.csv.ShipmentCsv.Malformed;
import io.waybill.adapters.persistence.csv.ShipmentCsv.Row;
import io.waybill.application.port.in.ImportShipmentsUseCase.MalformedFileException;
import io.waybill.application.port.in.ImportShipmentsUseCase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShipmentCsvTest {

    private static final String HEADER =
            "tracking_number,carrier,sender_address,receiver_address,article_name,article_quantity,article_price,SKU,"
                    + "status\n";

    @ParameterizedTest
    @ValueSource(strings = {"seed_data.csv", "seed_data_variant.csv"})
    void readsBothSampleFiles(String file) throws IOException {
        List<Line> lines;
        try (InputStream in = getClass().getResourceAsStream("/sample-data/" + file)) {
            lines = all(in);
        }

        assertThat(lines).hasSize(9).allMatch(Row.class::isInstance);
        assertThat(lines).extracting(Line::number).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        Row first = (Row) lines.get(0);
        assertThat(first.value(Column.TRACKING_NUMBER)).isEqualTo("TN12345678");
        assertThat(first.value(Column.SENDER_ADDRESS)).isEqualTo("Street 1, 10115 Berlin, Germany");
        assertThat(first.value(Column.SKU)).isEqualTo("LP123");
        assertThat(first.value(Column.STATUS)).isIn("in_transit", "in-transit");
    }

    @Test
    void findsColumnsByNameInAnyOrderAndCaseAfterAByteOrderMarkWithCrlf() {
        String file = "\uFEFFStatus,SKU,Article_Price,Article_Quantity,Article_Name,Receiver_Address,Sender_Address,"
                + "Carrier,Tracking_Number,comment\r\n"
                + "delivery,KB012,50,1,Keyboard,\"Street 5, 28013 Madrid, Spain\",\"Street 3, 80331 Munich, Germany\","
                + "DPD,TN12345680,ignored\r\n";

        List<Line> lines = all(file);

        Row row = (Row) lines.get(0);
        assertThat(row.value(Column.TRACKING_NUMBER)).isEqualTo("TN12345680");
        assertThat(row.value(Column.STATUS)).isEqualTo("delivery");
        assertThat(row.value(Column.RECEIVER_ADDRESS)).isEqualTo("Street 5, 28013 Madrid, Spain");
    }

    @Test
    void readsQuotesCommasAndLineBreaksInsideFieldsAndCountsLinesAsTheFileHasThem() {
        String file = HEADER
                + "TN1,DHL,\"a, b\",\"c\",\"Say \"\"cheese\"\"\",1,2,S1,in_transit\n"
                + "\n"
                + "TN2,DHL,\"two\nlines\",c,name,1,2,S2,in_transit\n"
                + "TN3,DHL,a,c,name,1,2,S3,in_transit\n";

        List<Line> lines = all(file);

        assertThat(lines).extracting(Line::number).containsExactly(2L, 4L, 6L);
        assertThat(((Row) lines.get(0)).value(Column.ARTICLE_NAME)).isEqualTo("Say \"cheese\"");
        assertThat(((Row) lines.get(1)).value(Column.SENDER_ADDRESS)).isEqualTo("two\nlines");
    }

    @Test
    void aRowWithTooFewOrTooManyFieldsIsMalformedAndReadingGoesOn() {
        String file = HEADER
                + "TN1,DHL,a,b,name,1,2,S1\n"
                + "TN2,DHL,a,b,name,1,2,S2,in_transit,extra\n"
                + "TN3,DHL,a,b,name,1,2,S3,in_transit\n";

        List<Line> lines = all(file);

        assertThat(lines.get(0)).isEqualTo(new Malformed(2, "has 8 fields where the header has 9 (a comma too many or"
                + " too few, or a quote in the wrong place)"));
        assertThat(lines.get(1)).isInstanceOf(Malformed.class).extracting(Line::number).isEqualTo(3L);
        assertThat(lines.get(2)).isInstanceOf(Row.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n\n\r\n", "\uFEFF"})
    void anEmptyFileFailsAtOnce(String file) {
        assertThatThrownBy(() -> all(file)).isInstanceOf(MalformedFileException.class)
                .hasMessageStartingWith("the file is empty");
    }

    @Test
    void aHeaderWithoutEveryColumnFailsAtOnceNamingWhatIsMissing() {
        String file = "tracking_number,carrier,status\nTN1,DHL,in_transit\n";

        assertThatThrownBy(() -> all(file)).isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("lacks the columns sender_address,receiver_address,article_name,"
                        + "article_quantity,article_price,SKU;")
                .hasMessageContaining("it reads: 'tracking_number,carrier,status'");
    }

    @Test
    void aColumnNamedTwiceFailsAtOnce() {
        assertThatThrownBy(() -> all(HEADER.strip() + ",carrier\n")).isInstanceOf(MalformedFileException.class)
                .hasMessage("the header names the column carrier twice");
    }

    @Test
    void textThatIsNotThisFormatFailsAtOnce() {
        assertThatThrownBy(() -> all("{\"shipments\": [1, 2, 3]}\n")).isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("lacks the columns tracking_number,carrier");
    }

    @Test
    void binaryJunkFailsAtOnce() {
        byte[] junk = new byte[4096];
        new Random(7).nextBytes(junk);

        assertThatThrownBy(() -> all(new ByteArrayInputStream(junk))).isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("not UTF-8");
    }

    @Test
    void bytesThatAreNotUtf8AfterGoodRowsFailWithTheLine() {
        byte[] start = (HEADER + "TN1,DHL,a,b,name,1,2,S1,in_transit\n").getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "TN2,DHL,Stra\u00dfe 1,b,name,1,2,S2,in_transit\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] file = new byte[start.length + latin1.length];
        System.arraycopy(start, 0, file, 0, start.length);
        System.arraycopy(latin1, 0, file, start.length, latin1.length);

        assertThatThrownBy(() -> all(new ByteArrayInputStream(file))).isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("not UTF-8");
    }

    /**
     * 100,000 rows, some spanning two lines and some with blank lines between, then bytes that are not UTF-8: every row
     * before them is read, and the failure names their line, wherever they fall in the reader's buffers.
     */
    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n"})
    void bytesThatAreNotUtf8FarIntoTheFileFailAfterEveryRowBeforeThemNamingTheirLine(String lineBreak) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(HEADER.replace("\n", lineBreak).getBytes(StandardCharsets.UTF_8));
        long line = 2;
        int rows = 100_000;
        for (int i = 0; i < rows; i++) {
            String row = i % 7 == 0
                    ? "TN%d,DHL,\"Street 1,%s10115 Berlin, Germany\",b,Stra\u00dfe %d,1,2,S%d,in_transit%s"
                            .formatted(i, lineBreak, i, i, lineBreak)
                    : "TN%d,DHL,a,b,\u8cf4\u5c0f\u8cf4 %d,1,2,S%d,in_transit%s".formatted(i, i, i, lineBreak);
            file.writeBytes(row.getBytes(StandardCharsets.UTF_8));
            line += i % 7 == 0 ? 2 : 1;
            if (i % 1000 == 999) {
                file.writeBytes(lineBreak.getBytes(StandardCharsets.UTF_8));
                line++;
            }
        }
        // Right after a line break: the row before must not be lost for being read ahead.
        file.writeBytes(new byte[] {(byte) 0xdf, 'e', ',', '1'}); // ISO-8859-1, not UTF-8
        file.writeBytes(lineBreak.getBytes(StandardCharsets.UTF_8));
        List<ImportShipmentsUseCase.Line> read = new ArrayList<>();

        try (Stream<ImportShipmentsUseCase.Line> lines = CsvShipmentFileReader.importLines(
                new ByteArrayInputStream(file.toByteArray()))) {
            assertThatThrownBy(() -> lines.forEach(read::add)).isInstanceOf(MalformedFileException.class)
                    .hasMessage("the file is not UTF-8 text: bytes at line " + line + " are not valid UTF-8 (is it"
                            + " binary, or in another encoding?)");
        }
        assertThat(read).hasSize(rows).allMatch(ImportShipmentsUseCase.Row.class::isInstance);
        assertThat(((ImportShipmentsUseCase.Row) read.get(rows - 1)).trackingNumber()).isEqualTo("TN" + (rows - 1));
    }

    @Test
    void aQuotedFieldTooLargeToReadFailsNamingTheLineWhereItsRowStarts() {
        String file = HEADER + "TN1,DHL,a,b,name,1,2,S1,in_transit\n\n"
                + "TN2,DHL,\"Street 1,\n10115 Berlin\",b,name,1,2,S2,in_transit\n\n\n"
                + "TN3,DHL,\"open,b,name,1,2,S3,in_transit\n"
                + "TN4,DHL,a,b,name,1,2,S4,in_transit\n".repeat(800_000);

        assertThatThrownBy(() -> all(file)).isInstanceOf(MalformedFileException.class)
                .hasMessageStartingWith("the file cannot be read as CSV from line 8: ");
    }

    @Test
    void aQuoteLeftOpenDoesNotSwallowTheRestOfTheFileSilently() {
        String file = HEADER
                + "TN1,DHL,\"Street 1, 10115 Berlin, Germany,b,name,1,2,S1,in_transit\n"
                + "TN2,DHL,a,b,name,1,2,S2,in_transit\n"
                + "TN3,DHL,a,b,name,1,2,S3,in_transit\n";

        List<Line> lines = all(file);

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).isEqualTo(new Malformed(2, "has 3 fields where the header has 9; its quoted text runs"
                + " to line 4, so a quote is probably left open, and lines 2 to 4 are this one line"));
    }

    private static List<Line> all(String file) {
        return all(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Line> all(InputStream in) {
        List<Line> lines = new ArrayList<>();
        try (ShipmentCsv csv = ShipmentCsv.open(in)) {
            for (Optional<Line> line = csv.next(); line.isPresent(); line = csv.next()) {
                lines.add(line.get());
            }
        }
        return lines;
    }
}
