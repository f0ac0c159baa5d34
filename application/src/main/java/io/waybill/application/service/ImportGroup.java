package io.waybill.application.service;

import io.waybill.application.port.in.ImportShipmentsUseCase.Rejection;
import io.waybill.application.port.in.ImportShipmentsUseCase.Row;
import io.waybill.domain.AddressLine;
import io.waybill.domain.Article;
import io.waybill.domain.Carrier;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.Party;
import io.waybill.domain.ShipmentDetails;
import io.waybill.domain.ShipmentKey;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.StatusMapping;
import io.waybill.domain.Text;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rows of one shipment in an import, checked as they come: each row's fields, and that every row agrees with the
 * first on the shipment's own fields. A group with any bad row is refused whole. Not thread-safe.
 */
final class ImportGroup {

    private final ShipmentKey key;
    private final StatusMapping mapping;
    private final List<Long> lines = new ArrayList<>();
    private final List<Article> articles = new ArrayList<>();
    private final List<Rejection> problems = new ArrayList<>();
    private Row first;
    private ShipmentStatus status;
    private Optional<Party> sender;
    private Optional<Party> receiver;

    private ImportGroup(ShipmentKey key, StatusMapping mapping) {
        this.key = key;
        this.mapping = mapping;
    }

    /** The key a row names; a rejection of the row alone when it names none. */
    static ShipmentKey keyOf(Row row) {
        return new ShipmentKey(field("tracking_number", row.trackingNumber(), CarrierTrackingNumber::parse),
                field("carrier", row.carrier(), Carrier::parse));
    }

    static ImportGroup of(ShipmentKey key, StatusMapping mapping) {
        return new ImportGroup(key, mapping);
    }

    void add(Row row) {
        lines.add(row.number());
        try {
            if (first == null) {
                first = row;
                status = mapping.canonical(row.status()).orElseThrow(() -> unknownStatus(row.status()));
                sender = party(row.senderAddress(), "sender_address");
                receiver = party(row.receiverAddress(), "receiver_address");
            } else {
                agree("sender_address", first.senderAddress(), row.senderAddress());
                agree("receiver_address", first.receiverAddress(), row.receiverAddress());
                agree("status", first.status(), row.status());
            }
            articles.add(article(row));
        } catch (IllegalArgumentException e) {
            problems.add(new Rejection(row.number(), key + ": " + e.getMessage()));
        }
    }

    ShipmentKey key() {
        return key;
    }

    List<Long> lines() {
        return lines;
    }

    boolean valid() {
        return problems.isEmpty();
    }

    /** Why the rows are refused: each bad row's reason; the other rows are refused with them. */
    List<Rejection> problems() {
        return problems;
    }

    /** Its details; only when {@link #valid}. */
    ShipmentDetails details() {
        return new ShipmentDetails(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), sender, receiver, articles, true);
    }

    ShipmentStatus status() {
        return status;
    }

    /** The carrier's wording of the status, as written. */
    String carrierStatus() {
        return first.status().strip();
    }

    private static Optional<Party> party(String address, String column) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Party.at(field(column, address, AddressLine::parse)));
    }

    private static Article article(Row row) {
        int quantity = field("article_quantity", row.articleQuantity(), text -> Integer.parseInt(text.strip()));
        Optional<BigDecimal> price = Optional.ofNullable(row.articlePrice()).filter(text -> !text.isBlank())
                .map(text -> field("article_price", text, value -> Article.parsePrice(value.strip())));
        Optional<String> sku = Optional.ofNullable(row.sku()).map(String::strip).filter(text -> !text.isEmpty());
        return field("article", row.articleName(), name -> new Article(name.strip(), quantity, price, sku));
    }

    private static IllegalArgumentException unknownStatus(String wording) {
        String example = Text.quote(wording).equals("'" + wording + "'") ? wording : "<wording>";
        return new IllegalArgumentException("status " + Text.quote(wording) + " is a carrier wording the status mapping"
                + " does not know; add it with WAYBILL_STATUS_MAPPING, such as " + example + "=in_transit");
    }

    private static void agree(String column, String first, String other) {
        if (!Objects.equals(first.strip(), other.strip())) {
            throw new IllegalArgumentException("rows of one shipment disagree on " + column + ": " + Text.quote(first)
                    + " and " + Text.quote(other));
        }
    }

    private static <T> T field(String column, String text, Function<String, T> parse) {
        try {
            return parse.apply(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(column + " " + (e instanceof NumberFormatException
                    ? "must be a number; got " + Text.quote(text) : e.getMessage()), e);
        }
    }
}
