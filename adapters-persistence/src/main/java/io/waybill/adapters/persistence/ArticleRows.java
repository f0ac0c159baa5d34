package io.waybill.adapters.persistence;

import io.waybill.domain.Article;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** The {@code shipment_articles} table: a shipment's articles, by position. */
final class ArticleRows {

    private static final List<String> COLUMNS =
            List.of("shipment_id", "position", "name", "quantity", "price", "sku");

    private ArticleRows() {}

    /** The articles of every shipment, by the shipments' ids, in one go ({@link BulkInsert}). */
    static void insertAll(Engine engine, Connection connection, List<Shipment> shipments, Map<ShipmentKey, Long> ids)
            throws SQLException {
        BulkInsert.insert(engine, connection, "shipment_articles", COLUMNS, out -> {
            for (Shipment shipment : shipments) {
                long shipmentId = ids.get(shipment.key());
                List<Article> articles = shipment.details().articles();
                for (int position = 0; position < articles.size(); position++) {
                    Article article = articles.get(position);
                    out.longInteger(shipmentId)
                            .integer(position)
                            .text(article.name())
                            .integer(article.quantity())
                            .decimal(article.price())
                            .text(article.sku())
                            .endRow();
                }
            }
        });
    }
}
