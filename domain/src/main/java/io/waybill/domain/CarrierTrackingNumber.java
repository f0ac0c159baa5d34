package io.waybill.domain;

import io.waybill.domain.trackingnumber.TrackingNumber;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A shipment's tracking number as its carrier wrote it: 4 to 40 letters and digits, upper case. Waybill's own
 * numbers ({@link TrackingNumber}) are one kind; carriers' numbers such as {@code TN12345678} or
 * {@code 1Z999AA10123456784} are others.
 */
public record CarrierTrackingNumber(String value) {

    public static final int MAX_LENGTH = 40;
    private static final Pattern SHAPE = Pattern.compile("[A-Z0-9]{4," + MAX_LENGTH + "}");

    public CarrierTrackingNumber {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("must be a tracking number of 4 to " + MAX_LENGTH
                    + " letters and digits, such as MY0A1B2C3D4ES; got " + Text.quote(value));
        }
    }

    /** Like the constructor, but forgiving of lower case and surrounding white space. */
    public static CarrierTrackingNumber parse(String text) {
        return new CarrierTrackingNumber(text == null ? null : Text.asciiUpperCase(text.strip()));
    }

    public static CarrierTrackingNumber of(TrackingNumber number) {
        return new CarrierTrackingNumber(number.value());
    }

    /** This code as a Waybill number, when it is a valid one (shape, country and check character). */
    public Optional<TrackingNumber> asWaybillNumber() {
        try {
            return Optional.of(new TrackingNumber(value));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
