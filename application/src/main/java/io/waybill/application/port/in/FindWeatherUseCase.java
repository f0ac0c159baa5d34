package io.waybill.application.port.in;

import io.waybill.domain.Address;
import io.waybill.domain.weather.Weather;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The current weather at shipments' receivers. Waits at most the configured timeout in all for weather it does
 * not have; what is not there by then comes with a reason, and its fetch goes on for the next lookup. Never fails.
 */
public interface FindWeatherUseCase {

    /** The weather at each address (a receiver's), in their order; {@link Address#NONE} for none. */
    List<Answer> at(List<Address> receivers);

    /** The weather, or why there is none, in a few words such as {@code provider unreachable}. */
    record Answer(Optional<Weather> weather, Optional<String> unavailable) {

        public Answer {
            Objects.requireNonNull(weather, "weather");
            Objects.requireNonNull(unavailable, "unavailable");
            if (weather.isPresent() == unavailable.isPresent()) {
                throw new IllegalArgumentException("an answer has weather or a reason, not both or neither");
            }
        }

        public static Answer of(Weather weather) {
            return new Answer(Optional.of(weather), Optional.empty());
        }

        public static Answer unavailable(String reason) {
            return new Answer(Optional.empty(), Optional.of(reason));
        }
    }
}
