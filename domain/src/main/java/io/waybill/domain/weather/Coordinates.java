package io.waybill.domain.weather;

/** A point on the earth in degrees (WGS 84). */
public record Coordinates(double latitude, double longitude) {

    public Coordinates {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("not a point on the earth: " + latitude + ", " + longitude);
        }
    }
}
