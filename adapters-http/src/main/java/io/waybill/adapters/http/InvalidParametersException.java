package io.waybill.adapters.http;

import java.util.List;

/** Every problem found in a request's parameters or body, answered as one 400. Carries no stack trace: it is no fault. */
final class InvalidParametersException extends RuntimeException {

    static final String QUERY_PARAMETER = "query parameter";
    static final String PARAMETER = "parameter";
    static final String FIELD = "field";

    private final String noun;
    private final List<Problem.InvalidParameter> errors;

    /** @param noun what is invalid: {@link #QUERY_PARAMETER}, {@link #PARAMETER} (path and query) or {@link #FIELD} */
    InvalidParametersException(String noun, List<Problem.InvalidParameter> errors) {
        super(errors.size() + " invalid " + noun + "s", null, false, false);
        this.noun = noun;
        this.errors = List.copyOf(errors);
    }

    String noun() {
        return noun;
    }

    List<Problem.InvalidParameter> errors() {
        return errors;
    }
}
