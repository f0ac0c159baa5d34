package io.waybill.adapters.http.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.weather.WeatherCode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static final Messages MESSAGES = Messages.load();

    @Test
    void everyLanguageHasAWordForEveryStatusAndEveryWeatherWaybillKnows() {
        List<Integer> codes = IntStream.range(0, 100).filter(MessagesTest::isWeatherCode).boxed().toList();
        assertThat(codes).hasSize(28);
        for (Language language : Language.values()) {
            List<String> texts = new ArrayList<>();
            for (ShipmentStatus status : ShipmentStatus.values()) {
                texts.add(MESSAGES.get(language, "status." + status.code()));
            }
            codes.forEach(code -> texts.add(MESSAGES.get(language, "weather.code." + code)));
            assertThat(texts).as(language.tag()).doesNotHaveDuplicates().allSatisfy(text -> assertThat(text).isNotBlank());
        }
    }

    @Test
    void placeholdersAreFilledInOrderAndAnApostropheIsJustOne() {
        assertThat(MESSAGES.get(Language.ENGLISH, "notfound.carrier", "TN12345678", "DHL"))
                .isEqualTo("No parcel of DHL has the tracking number TN12345678.");
        assertThat(MESSAGES.get(Language.TRADITIONAL_CHINESE, "notfound.carrier", "TN12345678", "DHL"))
                .isEqualTo("DHL 沒有追蹤號碼為 TN12345678 的包裹。");
    }

    @Test
    void theLanguagesDiffer() {
        assertThat(MESSAGES.get(Language.GERMAN, "status.delivered")).isEqualTo("Zugestellt");
        assertThat(MESSAGES.get(Language.TRADITIONAL_CHINESE, "status.delivered")).isEqualTo("已送達");
        assertThat(MESSAGES.get(Language.ENGLISH, "status.delivered")).isEqualTo("Delivered");
    }

    private static boolean isWeatherCode(int value) {
        try {
            WeatherCode.of(value);
            return true;
        } catch (IllegalArgumentException notOne) {
            return false;
        }
    }
}
