package io.waybill.application.port.out;

/** The weather provider could not be reached, or answered with an error or with what is not weather. */
public final class WeatherUnreachableException extends RuntimeException {

    public WeatherUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
