package io.waybill.application.port.in;

/**
 * Keeps the weather fresh where parcels are still under way, so that their lookups find it: one run fetches the
 * places whose weather is due, within the provider's rate limit. Meant to run once per cluster at a time.
 */
public interface RefreshWeatherUseCase {

    /** Fetches what is due; returns how many times this process asked the provider while it ran. */
    int refresh();
}
