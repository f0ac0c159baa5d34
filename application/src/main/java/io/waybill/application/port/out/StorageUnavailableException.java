package io.waybill.application.port.out;

/** The database could not do what was asked, for now: it is down, overloaded or a commit failed. Worth retrying. */
public final class StorageUnavailableException extends RuntimeException {

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
