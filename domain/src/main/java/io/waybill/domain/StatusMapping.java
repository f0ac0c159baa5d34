package io.waybill.domain;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps a carrier's own status wording to a canonical {@link ShipmentStatus}. Wording is compared ignoring case and
 * treating spaces, hyphens and underscores alike ({@code in-transit}, {@code In Transit} and {@code in_transit} are
 * one). Wording it does not know is reported as absent, never guessed. Immutable and thread-safe.
 */
public final class StatusMapping {

    // Before BUILT_IN, which uses it; compiled once, since an import normalises a wording per shipment.
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_-]+");
    private static final Map<String, ShipmentStatus> BUILT_IN = builtInWordings();

    private final Map<String, ShipmentStatus> byWording;

    private StatusMapping(Map<String, ShipmentStatus> byWording) {
        this.byWording = Map.copyOf(byWording);
    }

    /**
     * The canonical codes themselves, the logistics status system's eight statuses, AfterShip's tags, and every
     * status in the track-and-trace sample files.
     */
    public static StatusMapping builtIn() {
        return new StatusMapping(BUILT_IN);
    }

    /** This mapping with more wordings; they take precedence over the built-in ones. */
    public StatusMapping with(Map<String, ShipmentStatus> extra) {
        Map<String, ShipmentStatus> combined = new HashMap<>(byWording);
        extra.forEach((wording, status) -> combined.put(normalise(requireWording(wording)), status));
        return new StatusMapping(combined);
    }

    public Optional<ShipmentStatus> canonical(String wording) {
        return wording == null ? Optional.empty() : Optional.ofNullable(byWording.get(normalise(wording)));
    }

    private static String requireWording(String wording) {
        if (wording == null || wording.isBlank()) {
            throw new IllegalArgumentException("a carrier status must not be blank");
        }
        return wording;
    }

    private static String normalise(String wording) {
        return SEPARATORS.matcher(wording.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
    }

    private static Map<String, ShipmentStatus> builtInWordings() {
        Map<String, ShipmentStatus> map = new HashMap<>();
        for (ShipmentStatus status : ShipmentStatus.values()) {
            map.put(normalise(status.code()), status);
            map.put(normalise(status.label()), status);
        }
        // AfterShip's tags (InfoReceived, AttemptFail, ...) as their spaced spellings; Expired is tracking that
        // stopped without an end, which needs a human: an exception.
        put(map, ShipmentStatus.CREATED, "pending", "info received", "inforeceived", "label created", "pre transit");
        put(map, ShipmentStatus.RECEIVED, "received", "picked up", "accepted", "inbound scan", "scanned");
        put(map, ShipmentStatus.IN_TRANSIT, "transit", "intransit", "departed", "arrived at facility");
        // "delivery" in the track-and-trace sample files is a parcel in delivery, not yet delivered.
        put(map, ShipmentStatus.OUT_FOR_DELIVERY, "outfordelivery", "delivery", "in delivery", "with courier");
        put(map, ShipmentStatus.AVAILABLE_FOR_PICKUP, "availableforpickup", "ready for pickup");
        put(map, ShipmentStatus.DELIVERY_ATTEMPTED, "attempt fail", "attemptfail", "failed attempt");
        put(map, ShipmentStatus.RETURNED_TO_SENDER, "returned", "return to sender");
        put(map, ShipmentStatus.EXCEPTION, "expired", "failed", "damaged", "lost", "held at customs");
        put(map, ShipmentStatus.CANCELLED, "canceled", "voided");
        return map;
    }

    private static void put(Map<String, ShipmentStatus> map, ShipmentStatus status, String... wordings) {
        for (String wording : wordings) {
            map.put(normalise(wording), status);
        }
    }
}
