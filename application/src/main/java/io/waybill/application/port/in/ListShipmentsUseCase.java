package io.waybill.application.port.in;

import io.waybill.domain.Carrier;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.CountryCode;
import io.waybill.domain.CustomerId;
import io.waybill.domain.ShipmentKey;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.ShipmentSummary;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Lists shipments, newest first, a page at a time. */
public interface ListShipmentsUseCase {

    int DEFAULT_LIMIT = 50;
    int MAX_LIMIT = 100;

    Page list(Query query);

    /** @param after where the previous page ended; empty for the first page */
    record Query(Filter filter, Optional<Cursor> after, int limit) {

        public Query {
            Objects.requireNonNull(filter, "filter");
            Objects.requireNonNull(after, "after");
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT + "; got " + limit);
            }
        }
    }

    /**
     * Every condition given must hold. The creation time range includes {@code createdFrom} and excludes
     * {@code createdBefore}.
     */
    record Filter(Optional<ShipmentStatus> status, Optional<Carrier> carrier, Optional<CustomerId> customer,
            Optional<CountryCode> origin, Optional<CountryCode> destination, Optional<Instant> createdFrom,
            Optional<Instant> createdBefore) {

        public static final Filter NONE = new Filter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        public Filter {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(carrier, "carrier");
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(destination, "destination");
            Objects.requireNonNull(createdFrom, "createdFrom");
            Objects.requireNonNull(createdBefore, "createdBefore");
        }
    }

    /** @param next where the following page starts; empty on the last page */
    record Page(List<ShipmentSummary> shipments, Optional<Cursor> next) {

        public Page {
            shipments = List.copyOf(shipments);
            Objects.requireNonNull(next, "next");
        }
    }

    /**
     * A position in the order of listing (creation time, newest first, then number and carrier, descending), after
     * the shipment it names. Shown to clients as an opaque token.
     */
    record Cursor(Instant createdAt, ShipmentKey key) {

        public Cursor {
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(key, "key");
        }

        public static Cursor after(ShipmentSummary last) {
            return new Cursor(last.createdAt(), last.key());
        }

        public String token() {
            String plain = createdAt + " " + key.number() + " " + key.carrier();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
        }

        /** @throws IllegalArgumentException when the token is not one {@link #token} made */
        public static Cursor parse(String token) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(" ");
                if (parts.length != 3) {
                    throw new IllegalArgumentException("wrong number of parts");
                }
                return new Cursor(Instant.parse(parts[0]),
                        new ShipmentKey(new CarrierTrackingNumber(parts[1]), new Carrier(parts[2])));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("is not a cursor this service made; start again without one", e);
            }
        }
    }
}
