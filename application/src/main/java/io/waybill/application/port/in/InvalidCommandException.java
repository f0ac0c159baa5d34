package io.waybill.application.port.in;

import java.util.Optional;

/** A command whose parts do not fit together, such as a tracking number without a carrier. */
public final class InvalidCommandException extends RuntimeException {

    private final transient Optional<String> field;

    public InvalidCommandException(String message) {
        super(message);
        this.field = Optional.empty();
    }

    /** @param field the one field of the command at fault, as the API names it ({@code url}) */
    public InvalidCommandException(String field, String message) {
        super(message);
        this.field = Optional.of(field);
    }

    /** The one field at fault, when it is one. */
    public Optional<String> field() {
        return field;
    }
}
