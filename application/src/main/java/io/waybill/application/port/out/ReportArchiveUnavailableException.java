package io.waybill.application.port.out;

/** The report archive refused a write or could not be reached; the message says which, without credentials. */
public final class ReportArchiveUnavailableException extends RuntimeException {

    public ReportArchiveUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
