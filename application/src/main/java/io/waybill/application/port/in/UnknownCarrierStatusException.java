package io.waybill.application.port.in;

/** A carrier's status wording that the status mapping does not know; Waybill reports it rather than guess. */
public final class UnknownCarrierStatusException extends RuntimeException {

    private final String wording;

    public UnknownCarrierStatusException(String wording) {
        super("Unknown carrier status '" + wording + "': send a canonical status with it, or map the wording with"
                + " WAYBILL_STATUS_MAPPING");
        this.wording = wording;
    }

    public String wording() {
        return wording;
    }
}
