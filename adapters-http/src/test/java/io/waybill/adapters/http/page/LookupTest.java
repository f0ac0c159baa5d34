package io.waybill.adapters.http.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.adapters.http.page.Lookup.Problem;
import org.junit.jupiter.api.Test;

class LookupTest {

    @Test
    void forgivesWhiteSpaceAndCaseAndABlankCarrier() {
        Lookup lookup = Lookup.of(" tn 1234\t5678 ", "  ");

        assertThat(lookup.valid()).isTrue();
        assertThat(lookup.number().orElseThrow().value()).isEqualTo("TN12345678");
        assertThat(lookup.carrier()).isEmpty();
        assertThat(Lookup.of("TN12345678", " fedex").carrier().orElseThrow().code()).isEqualTo("FEDEX");
    }

    @Test
    void namesEachProblemAndKeepsWhatWasTypedForTheForm() {
        assertThat(Lookup.of("", "DHL").problems()).containsExactly(Problem.NUMBER_MISSING);
        assertThat(Lookup.of("TN-1", "D H L").problems()).containsExactly(Problem.NUMBER_INVALID,
                Problem.CARRIER_INVALID);
        Lookup long_ = Lookup.of("9".repeat(5_000), "");
        assertThat(long_.problems()).containsExactly(Problem.NUMBER_INVALID);
        assertThat(long_.numberText()).hasSize(Lookup.MAX_SHOWN);
        assertThat(Lookup.of("TN-1", "").numberText()).isEqualTo("TN-1");
        assertThat(Lookup.empty().valid()).isFalse();
        assertThat(Lookup.empty().problems()).isEmpty();
    }
}
