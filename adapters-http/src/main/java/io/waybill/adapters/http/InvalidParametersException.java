package io.waybill.adapters.http;

import java.util.List;

/** Every problem found in a request's parameters, answered as one 400. Carries no stack trace: it is no fault. */
final class InvalidParametersException extends RuntimeException {

    private final List<Problem.InvalidParameter> errors;

    InvalidParametersException(List<Problem.InvalidParameter> errors) {
        super(errors.size() + " invalid parameters", null, false, false);
        this.errors = List.copyOf(errors);
    }

    List<Problem.InvalidParameter> errors() {
        return errors;
    }
}
