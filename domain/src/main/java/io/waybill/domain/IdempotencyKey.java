package io.waybill.domain;

/**
 * A client's name for one request, such as a UUID, so that a retry of it is answered as the first attempt was: 1 to
 * {@value #MAX_LENGTH} characters of printable ASCII. Printable only, because it travels in a header and is shown in
 * logs and answers; the length is Stripe's limit, which clients of such APIs know.
 */
public record IdempotencyKey(String value) {

    public static final int MAX_LENGTH = 255;

    public IdempotencyKey {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("must not be empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "must be at most " + MAX_LENGTH + " characters long; got " + value.length());
        }
        if (!value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("must be printable ASCII, such as a UUID");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
