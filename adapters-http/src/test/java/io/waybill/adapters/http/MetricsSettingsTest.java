package io.waybill.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricsSettingsTest {

    @Test
    void aKeyIsLongPrintableAsciiAndNeverShown() {
        MetricsSettings keyed = new MetricsSettings(true, Optional.of("scrape-key-0123456789"));

        assertThat(keyed.toString()).isEqualTo("MetricsSettings[on=true, key=(set)]");
        assertThat(MetricsSettings.ON.toString()).isEqualTo("MetricsSettings[on=true, key=(none)]");
        assertThatThrownBy(() -> new MetricsSettings(true, Optional.of("too-short")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("too-short");
        assertThatThrownBy(() -> new MetricsSettings(true, Optional.of("a key with spaces in it")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("a key with");
    }
}
