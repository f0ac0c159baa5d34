package io.waybill.bootstrap;

/**
 * How status reports are made.
 *
 * @param stalledDays the days without an event after which a shipment under way counts as stalled
 */
public record ReportSettings(int stalledDays) {

    public static final int DEFAULT_STALLED_DAYS = 3;
    public static final ReportSettings DEFAULTS = new ReportSettings(DEFAULT_STALLED_DAYS);

    public ReportSettings {
        if (stalledDays < 1) {
            throw new IllegalArgumentException("stalled days are at least 1; got " + stalledDays);
        }
    }
}
