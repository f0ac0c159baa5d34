package io.waybill.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.adapters.persistence.ChangeNotices.Notice;
import io.waybill.domain.CarrierTrackingNumber;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChangeNoticesTest {

    @Test
    void aPayloadNamesItsOriginAndItsNumbers() {
        List<String> payloads = ChangeNotices.payloads("3f2a9c0e", List.of(code("TN12345678"), code("MY0A1B2C3D4ES")));

        assertThat(payloads).containsExactly("3f2a9c0e TN12345678 MY0A1B2C3D4ES");
        assertThat(ChangeNotices.parse(payloads.get(0)))
                .contains(new Notice("3f2a9c0e", Set.of(code("TN12345678"), code("MY0A1B2C3D4ES"))));
    }

    @Test
    void manyNumbersAreSpreadOverPayloadsThatPostgresTakes() {
        Set<CarrierTrackingNumber> numbers = IntStream.range(0, 1000)
                .mapToObj(i -> code(String.format("%040d", i)))
                .collect(Collectors.toCollection(LinkedHashSet::new));

        List<String> payloads = ChangeNotices.payloads("3f2a9c0e1b7d4a65", numbers);

        assertThat(payloads).hasSizeGreaterThan(1).allSatisfy(payload ->
                assertThat(payload.getBytes(StandardCharsets.UTF_8).length).isLessThan(8000));
        assertThat(payloads.stream().flatMap(payload -> ChangeNotices.parse(payload).orElseThrow().numbers().stream()))
                .containsExactlyElementsOf(numbers);
        assertThat(payloads).allSatisfy(payload ->
                assertThat(ChangeNotices.parse(payload).orElseThrow().origin()).isEqualTo("3f2a9c0e1b7d4a65"));
    }

    @Test
    void noNumbersMakeNoPayload() {
        assertThat(ChangeNotices.payloads("3f2a9c0e", List.of())).isEmpty();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "3f2a9c0e", " TN12345678", "3f2a9c0e tn12345678", "3f2a9c0e TN12345678 x", "hello"})
    void whatIsNotANoticeIsIgnored(String payload) {
        assertThat(ChangeNotices.parse(payload)).isEmpty();
    }

    @Test
    void theChannelIsNamedForTheSchemaWithinPostgresLimit() {
        assertThat(ChangeChannel.nameFor("test_0123456789abcdef")).isEqualTo("waybill:test_0123456789abcdef");
        String longest = "s".repeat(63);
        String other = "s".repeat(62) + "t";

        assertThat(ChangeChannel.nameFor(longest).getBytes(StandardCharsets.UTF_8).length).isLessThan(64);
        assertThat(ChangeChannel.nameFor(longest)).isNotEqualTo(ChangeChannel.nameFor(other));
        assertThat(ChangeChannel.forSchema("a").origin()).isNotEqualTo(ChangeChannel.forSchema("a").origin());
    }

    private static CarrierTrackingNumber code(String value) {
        return new CarrierTrackingNumber(value);
    }
}
