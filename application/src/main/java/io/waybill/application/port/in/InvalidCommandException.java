package io.waybill.application.port.in;

/** A command whose parts do not fit together, such as a tracking number without a carrier. */
public final class InvalidCommandException extends RuntimeException {

    public InvalidCommandException(String message) {
        super(message);
    }
}
