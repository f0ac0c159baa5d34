package io.waybill.adapters.persistence;

import io.waybill.domain.Article;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentKey;
import io.waybill.domain.TrackingCode;
import io.waybill.domain.TrackingEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads whole shipments in three queries, whatever their number: rows, articles, events. Failures of the database
 * pass as {@link org.jdbi.v3.core.JdbiException}s. Thread-safe.
 */
final class ShipmentReader {

    private final Jdbi jdbi;

    ShipmentReader(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** In carrier order. */
    List<Shipment> findByNumber(TrackingCode number) {
        return read(handle -> handle.createQuery(
                        ShipmentRows.SELECT + " WHERE tracking_number = :number ORDER BY carrier")
                .bind("number", number.value())
                .map(ShipmentRows.MAPPER)
                .list());
    }

    Optional<Shipment> find(ShipmentKey key) {
        return read(handle -> handle.createQuery(ShipmentRows.SELECT
                                + " WHERE tracking_number = :number AND carrier = :carrier")
                        .bind("number", key.number().value())
                        .bind("carrier", key.carrier().code())
                        .map(ShipmentRows.MAPPER)
                        .list())
                .stream()
                .findFirst();
    }

    // Each query sees what was committed when it started, so a change may commit between them. Articles never
    // change after the row is inserted; events carry the version their change gave the shipment, and those newer
    // than the row read are left out: the shipment is returned exactly as it was at its version.
    private List<Shipment> read(Function<Handle, List<ShipmentRows.Stored>> rows) {
        return jdbi.withHandle(handle -> {
            List<ShipmentRows.Stored> stored = rows.apply(handle);
            if (stored.isEmpty()) {
                return List.of();
            }
            Map<Long, Long> versions =
                    stored.stream().collect(Collectors.toMap(ShipmentRows.Stored::id, ShipmentRows.Stored::version));
            Map<Long, List<Article>> articles = handle.createQuery(ArticleRows.SELECT)
                    .bindList("ids", List.copyOf(versions.keySet()))
                    .map(ArticleRows.MAPPER)
                    .stream()
                    .collect(Collectors.groupingBy(ArticleRows.Owned::shipmentId,
                            Collectors.mapping(ArticleRows.Owned::value, Collectors.toList())));
            Map<Long, List<TrackingEvent>> events = handle.createQuery(EventRows.SELECT)
                    .bindList("ids", List.copyOf(versions.keySet()))
                    .map(EventRows.MAPPER)
                    .stream()
                    .filter(row -> row.shipmentVersion() <= versions.get(row.shipmentId()))
                    .collect(Collectors.groupingBy(EventRows.Row::shipmentId,
                            Collectors.mapping(EventRows.Row::event, Collectors.toList())));
            return stored.stream()
                    .map(row -> row.with(articles.getOrDefault(row.id(), List.of()),
                            events.getOrDefault(row.id(), List.of())))
                    .toList();
        });
    }
}
