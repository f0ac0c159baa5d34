package io.waybill.adapters.persistence;

import io.waybill.domain.Article;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentKey;
import io.waybill.domain.TrackingCode;
import io.waybill.domain.TrackingEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
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
        return read("s.tracking_number = :number", Map.of("number", number.value()));
    }

    Optional<Shipment> find(ShipmentKey key) {
        return read("s.tracking_number = :number AND s.carrier = :carrier",
                        Map.of("number", key.number().value(), "carrier", key.carrier().code()))
                .stream()
                .findFirst();
    }

    // Three statements whose text never changes, so that Jdbi parses each once and the database can keep it
    // prepared: each selects by the same condition on the shipments. Each sees what was committed when it started,
    // so a change may commit between them. Articles never change after their shipment's row is inserted; events
    // carry the version their change gave the shipment, and those newer than the row read are left out, as are rows
    // of a shipment registered meanwhile: the shipments are returned exactly as they were at the versions read.
    private List<Shipment> read(String shipmentsWhere, Map<String, String> parameters) {
        return jdbi.withHandle(handle -> {
            List<ShipmentRows.Stored> stored = handle.createQuery(
                            ShipmentRows.SELECT + " s WHERE " + shipmentsWhere + " ORDER BY s.carrier")
                    .bindMap(parameters)
                    .map(ShipmentRows.MAPPER)
                    .list();
            if (stored.isEmpty()) {
                return List.of();
            }
            Map<Long, Long> versions =
                    stored.stream().collect(Collectors.toMap(ShipmentRows.Stored::id, ShipmentRows.Stored::version));
            Map<Long, List<Article>> articles = handle.createQuery(
                            ArticleRows.SELECT_WHERE + shipmentsWhere + ArticleRows.ORDER)
                    .bindMap(parameters)
                    .map(ArticleRows.MAPPER)
                    .stream()
                    .collect(Collectors.groupingBy(ArticleRows.Owned::shipmentId,
                            Collectors.mapping(ArticleRows.Owned::value, Collectors.toList())));
            Map<Long, List<TrackingEvent>> events = handle.createQuery(
                            EventRows.SELECT_WHERE + shipmentsWhere + EventRows.ORDER)
                    .bindMap(parameters)
                    .map(EventRows.MAPPER)
                    .stream()
                    .filter(row -> row.shipmentVersion() <= versions.getOrDefault(row.shipmentId(), -1L))
                    .collect(Collectors.groupingBy(EventRows.Row::shipmentId,
                            Collectors.mapping(EventRows.Row::event, Collectors.toList())));
            return stored.stream()
                    .map(row -> row.with(articles.getOrDefault(row.id(), List.of()),
                            events.getOrDefault(row.id(), List.of())))
                    .toList();
        });
    }
}
