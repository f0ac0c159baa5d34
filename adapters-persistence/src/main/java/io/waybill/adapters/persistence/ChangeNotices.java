package io.waybill.adapters.persistence;

import io.waybill.domain.CarrierTrackingNumber;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The payloads of the notifications that announce committed changes to shipments: the origin, the id of the instance
 * that wrote them, then the numbers changed, separated by spaces ({@code 3f2a9c0e1b7d4a65 TN12345678 MY0A1B2C3D4ES}).
 * Numbers are letters and digits, so they need no escaping. PostgreSQL refuses a payload of 8000 bytes or more, so
 * many numbers are spread over several payloads.
 */
final class ChangeNotices {

    static final int MAX_PAYLOAD = 7_999;

    private ChangeNotices() {}

    /** What one notification says. */
    record Notice(String origin, Set<CarrierTrackingNumber> numbers) {}

    /** As few payloads as hold every number, each at most {@value #MAX_PAYLOAD} characters (ASCII, so bytes). */
    static List<String> payloads(String origin, Collection<CarrierTrackingNumber> numbers) {
        List<String> payloads = new ArrayList<>();
        StringBuilder payload = new StringBuilder(origin);
        for (CarrierTrackingNumber number : numbers) {
            if (payload.length() + 1 + number.value().length() > MAX_PAYLOAD) {
                payloads.add(payload.toString());
                payload = new StringBuilder(origin);
            }
            payload.append(' ').append(number.value());
        }
        if (payload.length() > origin.length()) {
            payloads.add(payload.toString());
        }
        return payloads;
    }

    /** The notice, or empty when the payload is not one (someone else's notification on the channel). */
    static Optional<Notice> parse(String payload) {
        if (payload == null) {
            return Optional.empty();
        }
        String[] words = payload.split(" ");
        if (words.length < 2 || words[0].isEmpty()) {
            return Optional.empty();
        }
        Set<CarrierTrackingNumber> numbers = new LinkedHashSet<>();
        for (int i = 1; i < words.length; i++) {
            try {
                numbers.add(new CarrierTrackingNumber(words[i]));
            } catch (IllegalArgumentException notANumber) {
                return Optional.empty();
            }
        }
        return Optional.of(new Notice(words[0], numbers));
    }
}
